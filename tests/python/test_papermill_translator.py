"""The Java translator on its own: papermill's values in, Java declarations or one line out.

papermill hands over what its command line parsed (-p: int, float, True/False/None, else text;
-y: YAML); the types come from the notebook's parameters cell, which papermill inspects first.
"""
import nbformat
import pytest

from papermill_forklab import JavaTranslator, ParameterError

CELL = nbformat.v4.new_code_cell(
    "// Parameters\n"
    "int samples = 50;                       // starts per kind\n"
    "long budget = 3_000_000_000L;\n"
    "double share = 0.5;\n"
    "boolean quick = false;\n"
    "String results = \"results\";\n"
    "Integer limit = null;\n"
    "List<Integer> sizes = List.of(1, 64);\n"
    "List<String> forkMemory = List.of(\"0\", \"1g\");\n"
    "var label = \"laptop\";\n")


def codify(**parameters):
    JavaTranslator.inspect(CELL)
    return JavaTranslator.codify(parameters).splitlines()[1:]


def test_inspect_reads_names_types_defaults_and_help():
    params = JavaTranslator.inspect(CELL)
    assert [(p.name, p.inferred_type_name) for p in params][:3] == [("samples", "int"), ("budget", "long"), ("share", "double")]
    assert params[0].default == "50" and params[0].help == "starts per kind"


@pytest.mark.parametrize("name, value, java", [
    ("samples", 200, "int samples = 200;"),
    ("budget", 5, "long budget = 5L;"),
    ("share", 2, "double share = 2.0;"),
    ("share", float("inf"), "double share = Double.POSITIVE_INFINITY;"),
    ("quick", True, "boolean quick = true;"),
    ("quick", "true", "boolean quick = true;"),
    ("results", 'a "b"\n\\c', 'String results = "a \\"b\\"\\n\\\\c";'),
    ("results", "π", 'String results = "\\u03c0";'),
    ("results", None, "String results = null;"),
    ("limit", None, "Integer limit = null;"),
    ("sizes", [1, 2, 3], "List<Integer> sizes = List.of(1, 2, 3);"),
    ("sizes", "[4, 8]", "List<Integer> sizes = List.of(4, 8);"),
    ("sizes", "4,8", "List<Integer> sizes = List.of(4, 8);"),
    ("sizes", [], "List<Integer> sizes = List.of();"),
    ("forkMemory", "0,64m", 'List<String> forkMemory = List.of("0", "64m");'),
    ("forkMemory", [0, "64m"], 'List<String> forkMemory = List.of("0", "64m");'),
    ("label", 7, "int label = 7;"),
])
def test_declarations(name, value, java):
    assert codify(**{name: value}) == [java]


@pytest.mark.parametrize("name, value, wanted", [
    ("samples", "abc", "-p samples 'abc': samples is declared int in the parameters cell, which takes a whole number"),
    ("samples", 2**31, "which takes a whole number from -2147483648 to 2147483647"),
    ("samples", None, "int cannot be null; declare it Integer to allow null"),
    ("samples", True, "samples is declared int"),
    ("quick", 1, "which takes true or false"),
    ("results", 5, "pass numbers as text with -r NAME VALUE"),
    ("sizes", "4,many", "sizes is declared List<Integer> in the parameters cell, which takes a list of Integer values"),
    ("sizes", [1, None], "a list without nulls"),
    ("sampels", 3, "declares no sampels (it declares budget, forkMemory, label, limit, quick, results, samples, share, sizes); did you mean samples?"),
])
def test_refusals_are_one_line(name, value, wanted):
    with pytest.raises(ParameterError) as refused:
        codify(**{name: value})
    message = refused.value.format_message()
    assert wanted in message and "\n" not in message


def test_without_a_parameters_cell_the_types_come_from_the_values():
    JavaTranslator._declared = None
    lines = JavaTranslator.codify({"n": 3, "big": 2**40, "x": 1.5, "s": "t", "l": [1, 2.5], "o": None}).splitlines()
    assert lines[1:] == ["int n = 3;", "long big = 1099511627776L;", "double x = 1.5;", 'String s = "t";',
                         "List<Double> l = List.of(1.0, 2.5);", "Object o = null;"]


def test_a_name_java_cannot_hold_is_refused():
    JavaTranslator._declared = None
    with pytest.raises(ParameterError, match="not a Java variable name"):
        JavaTranslator.codify({"class": 1})
