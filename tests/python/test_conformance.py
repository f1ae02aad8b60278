"""The official jupyter_kernel_test suite, with every applicable sample, on each JDK."""
import unittest

import jupyter_kernel_test

from conftest import JDKS, kernel_name


class ForklabKernelTests(jupyter_kernel_test.KernelTests):
    __test__ = False  # only the per-JDK subclasses below run

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Integer.parseI", "matches": {"parseInt("}},
        {"text": "%lsma", "matches": {"lsmagic"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) { }", "%lsmagic", "class A { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "class B {\n  void m() {"]
    invalid_code_samples = ["int x = 1;)", "}"]

    code_inspect_sample = "Math.max"

    code_generate_error = 'throw new IllegalStateException("planned failure");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"fork" + "lab"', "result": "fork" + "lab"},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]
    code_history_pattern = "6 * ?"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("# Title", "text/markdown");', "mime": "text/markdown"},
        {"code": 'display("<svg xmlns=\'http://www.w3.org/2000/svg\' width=\'4\' height=\'4\'/>", "image/svg+xml");',
         "mime": "image/svg+xml"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    def test_runtime_error_is_named_after_the_exception(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(code="int zero = 0;\n7 / zero")
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(errors[0]["ename"], "ArithmeticException")
        self.assertEqual(errors[0]["evalue"], "/ by zero")
        self.assertEqual(errors[0]["traceback"], ["java.lang.ArithmeticException: / by zero", "\tat cell (cell line 2)"])
        self.assertEqual(reply["content"]["ename"], "ArithmeticException")


for _jdk in JDKS:
    _cls = type(f"TestForklabOn{_jdk.upper()}", (ForklabKernelTests,),
                {"kernel_name": kernel_name(_jdk), "__test__": True})
    globals()[_cls.__name__] = _cls
del _cls

if __name__ == "__main__":
    unittest.main()
