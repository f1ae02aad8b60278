"""The official jupyter_kernel_test suite, with every applicable sample, on each JDK."""
import unittest

import jupyter_kernel_test
from jupyter_client.manager import KernelManager
from jupyter_kernel_test.msgspec_v5 import validate_message

from conftest import JDKS, kernel_name
from kernel_session import SHUTDOWN_WAIT, TIMEOUT, settle

# Between two iopub messages of one cell; the suite's own 0.1 s (1 s for the first) fails on a
# loaded 2-core machine. Waiting longer changes no verdict: the loop ends at the idle status.
IOPUB_WAIT = 30


class ForklabKernelTests(jupyter_kernel_test.KernelTests):
    """jupyter_kernel_test's checks, unchanged, with its waits made fit for a busy machine:
    start-up leftovers drained before the first test, every wait long, none decisive."""
    __test__ = False  # only the per-JDK subclasses below run

    @classmethod
    def setUpClass(cls):
        cls.km = KernelManager(kernel_name=cls.kernel_name, shutdown_wait_time=SHUTDOWN_WAIT)
        cls.km.start_kernel()
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=TIMEOUT)
        settle(cls.kc)

    def get_non_kernel_info_reply(self, timeout=None):
        # The suite passes its 15 s TIMEOUT here; a first cell on a loaded machine can take longer.
        return super().get_non_kernel_info_reply(timeout=None if timeout is None else max(timeout, TIMEOUT))

    def execute_helper(self, code, timeout=TIMEOUT, silent=False, store_history=True, stop_on_error=True):
        """The suite's execute_helper, checks for checks, with IOPUB_WAIT between iopub messages."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy_msg = self.kc.iopub_channel.get_msg(timeout=IOPUB_WAIT)
        validate_message(busy_msg, "status", msg_id)
        self.assertEqual(busy_msg["content"]["execution_state"], "busy")
        output_msgs = []
        while True:
            msg = self.kc.iopub_channel.get_msg(timeout=IOPUB_WAIT)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            if msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            output_msgs.append(msg)
        return reply, output_msgs

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

    code_clear_output = 'System.out.println("before"); clearOutput();'

    def test_clear_output_comes_after_the_text_printed_before_it(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(code='System.out.print("old"); clearOutput(true); System.out.print("new");')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [(m["msg_type"], m["content"].get("text"), m["content"].get("wait")) for m in outputs]
        self.assertEqual(kinds, [("stream", "old", None), ("clear_output", None, True), ("stream", "new", None)])

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
