"""What a validation finds, as both engines report it: readable violations and the verdict.

Kept apart from either validator so that the fast path, the CLI and the reports
use these types without importing pySHACL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.term import Node


@dataclass(frozen=True)
class ResultTerms:
    """A validation result's RDF terms: focus node, path, value, source shape, component, severity.

    ``None`` for a term the result leaves out: pySHACL's results are read as they are written.
    """

    focus: Node | None
    path: Node | None
    value: Node | None
    shape: Node | None
    component: Node | None
    severity: Node


@dataclass(frozen=True)
class Violation:
    """One row of a SHACL validation report, made readable."""

    focus: str
    shape: str
    component: str
    path: str | None
    value: str | None
    message: str
    severity: str
    file: str | None
    #: The result's own terms, for reports in RDF and the test suites; not part of equality.
    terms: ResultTerms | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        """A one-paragraph, human-readable account of the violation."""
        where = f" (in {self.file})" if self.file else ""
        on_path = f", property {self.path}" if self.path else ""
        value = f", value {self.value}" if self.value else ""
        return (
            f"{self.severity}: {self.focus}{where}\n"
            f"  rule: {self.shape} [{self.component}]{on_path}{value}\n"
            f"  {self.message}"
        )


@dataclass(frozen=True)
class ValidationReport:
    """The verdict and the violations, sorted for stable output."""

    conforms: bool
    violations: tuple[Violation, ...]
    #: One line per engine choice the user should know of (shapes sent to pySHACL, and why).
    notices: tuple[str, ...] = ()


def failure_message(report: ValidationReport) -> str:
    """The refusal message: how many violations and the first ones in full."""
    violations = [v for v in report.violations if v.severity == "Violation"]
    shown = "\n".join(v.describe() for v in violations[:10])
    more = f"\n… and {len(violations) - 10} more (run `pskg validate`)" if len(violations) > 10 else ""
    return (
        f"the graph does not conform to the shapes ({len(violations)} violations); nothing was written\n{shown}{more}"
    )
