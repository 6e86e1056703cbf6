"""Quiz grading, bank parsing, random draw and feedback."""

import random

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from plugins.quiz.bank import parse_bank, print_bank
from plugins.registry import get_plugin
from tests.assessments.conftest import QUIZ_BANK, quiz_data

quiz = get_plugin("quiz")


@pytest.fixture
def config():
    form = quiz.authoring_form(data=quiz_data())
    assert form.is_valid(), form.errors
    return form.cleaned_data


def by_kind(config, kind):
    return next(q for q in config["questions"] if q["kind"] == kind)


def post(**values):
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


def test_bank_parses_every_question_kind():
    kinds = [q["kind"] for q in parse_bank(QUIZ_BANK)]
    assert kinds == ["single", "multiple", "truefalse", "short"]


def test_bank_prints_back_to_the_same_questions():
    questions = parse_bank(QUIZ_BANK)
    assert parse_bank(print_bank(questions)) == questions


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("* sin pregunta", "Línea 1: empiece cada pregunta"),
        ("? P\n- a\n- b", "marque al menos una opción correcta"),
        ("? P\n* a", "al menos dos opciones"),
        ("? P\n= quizás", "Línea 2"),
        ("? P\n* a\n- b\n~ c", "solo uno de los tres"),
        ("", "al menos una pregunta"),
    ],
)
def test_bank_errors_name_the_line_and_the_fix(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_bank(text)


def test_all_correct_scores_full_marks(config):
    answers = {
        q["id"]: q["accepted"][0] if q["kind"] == "short" else q["correct"]
        for q in config["questions"]
    }
    score = quiz.grade(config=config, response={"answers": answers})
    assert (score.points, score.max_points, score.percent) == (4, 4, 100)


def test_multiple_choice_needs_the_exact_set(config):
    question = by_kind(config, "multiple")
    partial = {question["id"]: question["correct"][:1]}
    score = quiz.grade(config=config, response={"answers": partial})
    assert score.items[question["id"]] == {"correct": False}


def test_short_answer_ignores_case_accents_and_spaces(config):
    question = by_kind(config, "short")
    answer = {question["id"]: "  registro de PROPIEDAD   intelectual "}
    assert quiz.grade(config=config, response={"answers": answer}).items[
        question["id"]
    ]["correct"]
    wrong = {question["id"]: "registro civil"}
    assert not quiz.grade(config=config, response={"answers": wrong}).items[
        question["id"]
    ]["correct"]


def test_true_false_and_unanswered(config):
    question = by_kind(config, "truefalse")
    assert (
        quiz.grade(
            config=config, response={"answers": {question["id"]: ["true"]}}
        ).points
        == 1
    )
    assert quiz.grade(config=config, response={"answers": {}}).points == 0


def test_points_per_question_weigh_the_score():
    form = quiz.authoring_form(
        data=quiz_data("? A\npts 3\n= verdadero\n\n? B\n= falso")
    )
    assert form.is_valid(), form.errors
    config = form.cleaned_data
    first, second = config["questions"]
    score = quiz.grade(
        config=config,
        response={"answers": {first["id"]: ["true"], second["id"]: ["true"]}},
    )
    assert (score.points, score.max_points, score.percent) == (3, 4, 75)


def test_draw_takes_a_random_subset_and_shuffles_options(config):
    config = {**config, "draw": 2}
    drawn = [
        tuple(
            q["id"]
            for q in quiz.prepare(config=config, rng=random.Random(seed))["questions"]
        )
        for seed in range(20)
    ]
    assert all(len(ids) == 2 for ids in drawn)
    assert len(set(drawn)) > 1
    orders = {
        tuple(
            o["id"]
            for o in by_kind(
                quiz.prepare(config=config | {"draw": 0}, rng=random.Random(s)),
                "single",
            )["options"]
        )
        for s in range(20)
    }
    assert len(orders) > 1


def test_draw_larger_than_the_bank_is_a_form_error():
    form = quiz.authoring_form(data=quiz_data(draw="9"))
    assert not form.is_valid() and "draw" in form.errors


def test_clean_response_refuses_unknown_option_ids(config):
    question = by_kind(config, "single")
    with pytest.raises(ValidationError, match="Opción desconocida"):
        quiz.clean_response(
            config=config,
            data=post(**{question["id"]: "o-forged"}),
            files=MultiValueDict(),
        )


def test_clean_response_refuses_two_options_on_single_choice(config):
    question = by_kind(config, "single")
    options = [o["id"] for o in question["options"][:2]]
    with pytest.raises(ValidationError, match="una sola opción"):
        quiz.clean_response(
            config=config,
            data=post(**{question["id"]: options}),
            files=MultiValueDict(),
        )


def test_result_shows_feedback_and_correct_answer_after_submission(config):
    question = by_kind(config, "single")
    wrong = next(o for o in question["options"] if o["id"] not in question["correct"])
    response = {"answers": {question["id"]: [wrong["id"]]}}
    result = quiz.grade(config=config, response=response).as_dict()
    html = quiz.render_result(config=config, response=response, result=result)
    assert "El ISBN identifica una edición concreta." in html
    assert "Una edición de un libro" in html and "Incorrecta" in html


def test_render_holds_no_answer_keys(config):
    html = quiz.render(config=config)
    assert "identifica una edición concreta" not in html
    assert "Registro de Propiedad Intelectual" not in html
    assert "correct" not in html.replace("correctas", "")
