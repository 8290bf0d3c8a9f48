"""The reference annotations of examples/ are well formed and self-consistent."""
import subprocess
import sys
from real_parts import ROOT



def run_check(*paths):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_gold.py"), *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def test_example_gold_files_pass_the_checks():
    done = run_check()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "F1 1.00" in done.stdout


def test_holdout_gold_files_pass_the_checks():
    files = sorted((ROOT / "examples" / "holdout" / "gold").glob("*.json"))
    assert len(files) >= 5
    done = run_check(*files)
    assert done.returncode == 0, done.stdout + done.stderr
