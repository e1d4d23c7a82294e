"""Writes crates/mangetamain-format/tests/fixtures/python_repr_lists.json: random lists of
strings (apostrophes, double quotes, backslashes, commas, newlines, non-ASCII) and Python's own
repr() of each, so the Rust list-literal parser is checked against CPython, not against itself.

Run: python3 scripts/python_repr_fixture.py   (no third-party packages needed)
"""
import json, random, sys, pathlib

random.seed(20261126)
ALPHABET = list("abcxyz ,'\"\\[]") + ["\n", "\r\n", "\t", "é", "ñ", "€", "ü", "1", "-", "/", "&#039;"]
cases = []
for _ in range(500):
    items = ["".join(random.choice(ALPHABET) for _ in range(random.randint(0, 12)))
             for _ in range(random.randint(0, 6))]
    cases.append({"repr": repr(items), "items": items})
numbers = []
for _ in range(200):
    values = [random.choice([0.0, -0.0, 51.5, 1e-05, 434360.2, 2147483647.0,
                             round(random.uniform(-1e6, 1e6), random.randint(0, 6))])
              for _ in range(random.randint(0, 8))]
    numbers.append({"repr": repr(values), "values": values})
out = pathlib.Path(__file__).resolve().parent.parent / "crates/mangetamain-format/tests/fixtures/python_repr_lists.json"
out.write_text(json.dumps({"generator": "scripts/python_repr_fixture.py", "python": sys.version.split()[0],
                           "string_lists": cases, "number_lists": numbers}, ensure_ascii=False, indent=0))
print(f"wrote {out}")
