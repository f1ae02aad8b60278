"""Java declarations from papermill parameters, for forklab's kernel (JShell underneath).

papermill puts the injected cell right after the notebook's cell tagged ``parameters``; JShell
lets a later declaration replace an earlier one, so ``int samples = 200;`` there simply wins.
The types come from the parameters cell itself: papermill inspects that cell (``inspect``) just
before it asks for the new declarations (``codify``), and this translator keeps what it read in
between, so ``-p samples abc`` for an ``int samples`` is refused in one line instead of
redeclaring ``samples`` as a String that a magic trips over later.
"""
import difflib
import json
import math
import re

import click
import yaml
from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator

INT_RANGE = (-(2**31), 2**31 - 1)
LONG_RANGE = (-(2**63), 2**63 - 1)

# One declaration per line, as the lessons write them: `int samples = 50;  // help text`
DECLARATION = re.compile(
    r"^\s*(?:final\s+)?(?P<type>[A-Za-z_][\w.]*(?:\s*<\s*[\w.]+\s*>)?)\s+(?P<name>[A-Za-z_]\w*)"
    r"\s*=\s*(?P<value>.*?)\s*;\s*(?://\s*(?P<help>.*))?$"
)
JAVA_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")
KEYWORDS = frozenset(
    "abstract assert boolean break byte case catch char class const continue default do double else enum"
    " extends final finally float for goto if implements import instanceof int interface long native new"
    " package private protected public return short static strictfp super switch synchronized this throw"
    " throws transient try void volatile while true false null var record yield".split()
)
BOXED = {"int": "Integer", "long": "Long", "double": "Double", "boolean": "Boolean"}
UNBOXED = {boxed: primitive for primitive, boxed in BOXED.items()}
EXAMPLES = {"String": "[0, 64m] or 0,64m", "Boolean": "[true, false]", "Double": "[0.5, 1.5]"}
ACCEPTED = "int, long, double, boolean, String, their boxed forms, List<Integer|Long|Double|Boolean|String>, var"


class ParameterError(PapermillException, click.ClickException):
    """A parameter papermill cannot give the notebook; the CLI prints it as one line."""


class JavaTranslator(Translator):
    # name -> declared Java type, from the last parameters cell inspected; used once by codify.
    _declared = None

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def inspect(cls, parameters_cell):
        params = []
        for line in parameters_cell.source.splitlines():
            m = DECLARATION.match(line)
            if m and m.group("type") not in ("return", "import"):
                java_type = re.sub(r"\s+", "", m.group("type"))
                params.append(Parameter(m.group("name"), java_type, m.group("value"), (m.group("help") or "").strip()))
        cls._declared = {p.name: p.inferred_type_name for p in params}
        return params

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        declared, cls._declared = cls._declared, None
        lines = [cls.comment(comment)]
        for name, value in parameters.items():
            lines.append(declaration(name, value, declared))
        return "\n".join(lines) + "\n"


def declaration(name, value, declared):
    """`TYPE name = LITERAL;` for one -p, or a ParameterError naming what was wrong."""
    if declared is not None and name not in declared:
        known = ", ".join(sorted(declared)) or "nothing"
        close = difflib.get_close_matches(name, list(declared), n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise ParameterError(f"-p {name}: the notebook's parameters cell declares no {name} (it declares {known}){hint}")
    if not JAVA_NAME.match(name) or name in KEYWORDS:
        raise ParameterError(f"-p {name}: not a Java variable name; use letters, digits and _ (e.g. samples)")
    java_type = declared.get(name) if declared else None
    if java_type is None or java_type == "var":
        java_type = inferred_type(name, value)
    return f"{java_type} {name} = {literal(name, java_type, value)};"


def inferred_type(name, value):
    """The Java type a value gets when no declaration says otherwise."""
    if value is None:
        return "Object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int" if INT_RANGE[0] <= value <= INT_RANGE[1] else "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        kinds = {inferred_type(name, v) for v in value if v is not None}
        if kinds <= {"int"} and kinds:
            return "List<Integer>"
        if kinds <= {"int", "long"} and kinds:
            return "List<Long>"
        if kinds <= {"int", "long", "double"} and kinds:
            return "List<Double>"
        if kinds in ({"boolean"}, {"String"}):
            return f"List<{BOXED.get(kinds.pop(), 'String')}>"
        if not value:
            return "List<Object>"
    raise ParameterError(f"-p {name}: a {type(value).__name__} has no Java form here; accepted: {ACCEPTED}")


def literal(name, java_type, value):
    """The Java literal for value as java_type, or a ParameterError saying what the type accepts."""
    list_of = re.fullmatch(r"(?:java\.util\.)?List<([\w.]+)>", java_type)
    if list_of:
        if value is None:
            return "null"
        element = list_of.group(1).rsplit(".", 1)[-1]
        value = as_list(value, element)
        if not isinstance(value, list):
            raise mismatch(name, java_type, value, "a list such as [1, 64, 512]")
        if element == "Object" and not value:
            return "List.of()"
        if any(v is None for v in value):
            raise mismatch(name, java_type, value, "a list without nulls (List.of refuses them)")
        try:
            return "List.of(" + ", ".join(literal(name, UNBOXED.get(element, element), v) for v in value) + ")"
        except ParameterError:
            raise mismatch(name, java_type, value, f"a list of {element} values such as {EXAMPLES.get(element, '[1, 2]')}") from None
    base = UNBOXED.get(java_type, java_type).rsplit(".", 1)[-1]
    if value is None:
        if base in BOXED and java_type not in UNBOXED:
            raise mismatch(name, java_type, value, f"a value ({base} cannot be null; declare it {BOXED[base]} to allow null)")
        return "null"
    if base == "int" and whole(value, INT_RANGE):
        return str(value)
    if base == "long" and whole(value, LONG_RANGE):
        return f"{value}L"
    if base == "double" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return double_literal(float(value))
    if base == "boolean" and value in ("true", "false"):
        return value
    if base == "boolean" and isinstance(value, bool):
        return "true" if value else "false"
    if base == "String" and isinstance(value, str):
        # JSON's escapes are Java's too; ASCII only, so no \u000a that Java would unescape early.
        return json.dumps(value, ensure_ascii=True)
    if base == "Object":
        return literal(name, inferred_type(name, value), value)
    accepts = {
        "int": f"a whole number from {INT_RANGE[0]} to {INT_RANGE[1]}",
        "long": "a whole number",
        "double": "a number",
        "boolean": "true or false",
        "String": "text (pass numbers as text with -r NAME VALUE)",
    }
    if base not in accepts:
        raise ParameterError(f"-p {name}: its declared type {java_type} cannot be set by papermill; accepted: {ACCEPTED}")
    raise mismatch(name, java_type, value, accepts[base])


def as_list(value, element):
    """A list from what papermill's -p hands over: text, either YAML ("[1, 64]") or comma-separated ("1,64")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, str):
        if value.lstrip().startswith("["):
            try:
                value = yaml.safe_load(value)
            except yaml.YAMLError:
                return value
        else:
            parts = [part.strip() for part in value.split(",")] if value.strip() else []
            value = parts if element == "String" else [yaml.safe_load(part) for part in parts]
    if element == "String" and isinstance(value, list):
        # YAML reads [0, 1g] as a number and a text; both are text to a List<String>.
        value = [v if isinstance(v, str) or v is None else json.dumps(v) for v in value]
    return value


def whole(value, bounds):
    return isinstance(value, int) and not isinstance(value, bool) and bounds[0] <= value <= bounds[1]


def double_literal(v):
    if math.isnan(v):
        return "Double.NaN"
    if math.isinf(v):
        return "Double.POSITIVE_INFINITY" if v > 0 else "Double.NEGATIVE_INFINITY"
    return repr(v)


def mismatch(name, java_type, value, accepts):
    return ParameterError(f"-p {name} {shown(value)}: {name} is declared {java_type} in the parameters cell,"
                          f" which takes {accepts}")


def shown(value):
    return json.dumps(value) if not isinstance(value, str) else repr(value)
