"""An import-linter contract type the built-in ones cannot express: forbidding a
subpackage of an external package (``django.db``), which import-linter only
sees as its top-level package (``django``).

``forbidden_submodules``: no module of ``source_modules``, nor any project
module they import (directly or not), may import one of ``forbidden_modules``.
"""

import re

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class ForbiddenSubmodulesContract(Contract):
    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        reached = set()
        for source in self.source_modules:
            reached |= {source, *graph.find_descendants(source)}
        for module in list(reached):
            reached |= graph.find_upstream_modules(module)
        violations = []
        for forbidden in self.forbidden_modules:
            top, _, rest = forbidden.partition(".")
            pattern = re.compile(
                rf"\b{re.escape(forbidden)}\b|from\s+{re.escape(top)}\s+import\s+"
                rf"(\([^)]*)?\b{re.escape(rest.split('.')[0])}\b"
            )
            for module in sorted(reached):
                if not graph.direct_import_exists(importer=module, imported=top):
                    continue
                for detail in graph.get_import_details(importer=module, imported=top):
                    if pattern.search(detail["line_contents"]):
                        violations.append(
                            (module, detail["line_number"], detail["line_contents"])
                        )
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line, contents in check.metadata["violations"]:
            output.print_error(f"{module} (l.{line}): {contents}", bold=False)
            output.new_line()
