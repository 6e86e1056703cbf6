"""factory_boy factories shared by the whole suite."""

import factory
from django.contrib.auth import get_user_model

from lms.accounts.identity import rut_check_digit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    legal_name = factory.Faker("name", locale="es_ES")
    country = "CL"
    national_id = factory.Sequence(
        lambda n: f"{10_000_000 + n}-{rut_check_digit(str(10_000_000 + n))}"
    )
    preferred_language = "es"
    password = factory.PostGenerationMethodCall("set_password", "clave-segura-123")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):  # noqa: N805
        """Mark the e-mail as verified so the user can log in straight away."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )
