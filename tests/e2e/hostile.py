#!/usr/bin/env python3
"""Hostile inputs for `factpress build`: each must exit 1 with a message at its location (where
it has one), write no output file, not crash and finish within seconds. The committed files and
their expectations are in tests/hostile-resources/expected.tsv; the very large cases are made
here at run time.

usage: hostile.py FACTPRESS TESTS_DIR     prints 'N passed, N failed'"""
import os, re, shutil, subprocess, sys, tempfile, time

factpress, tests = sys.argv[1], sys.argv[2]
folder = os.path.join(tests, 'hostile-resources')
passed = failed = 0
# Under the sanitizers (the asan preset sets ASAN_OPTIONS, with slow unwinding on every
# allocation) a case may take several times longer; the plain build keeps the 10 s bound.
slowdown = 6 if 'ASAN_OPTIONS' in os.environ else 1

def run_case(path, position, phrase, extra=()):
    global passed, failed
    out = tempfile.mkdtemp(prefix='factpress-hostile-')
    start = time.monotonic()
    try:
        r = subprocess.run([factpress, 'build', '-o', out, *extra, path], capture_output=True, text=True, timeout=30 * slowdown)
        code, err = r.returncode, r.stderr
    except subprocess.TimeoutExpired:
        code, err = 'timeout', ''
    seconds = time.monotonic() - start
    lines = [l for l in err.splitlines() if ': error: ' in l]
    first = lines[0] if lines else ''
    where = re.match(re.escape(path) + r'(?::(\d+):(\d+))?: error: ', first)
    problems = []
    if code != 1: problems.append(f'exit {code}')
    if not where: problems.append(f'no "FILE:LINE:COLUMN: error:" line in {err[:200]!r}')
    elif position != '-' and f'{where.group(1)}:{where.group(2)}' != position:
        problems.append(f'at {where.group(1)}:{where.group(2)}, expected {position}')
    if phrase not in first: problems.append(f'message lacks "{phrase}": {first[:200]}')
    written = [f for _, _, files in os.walk(out) for f in files if not f.startswith('.factpress')]
    if written: problems.append(f'output written: {written}')
    if seconds > 10 * slowdown: problems.append(f'took {seconds:.1f} s')
    shutil.rmtree(out, ignore_errors=True)
    if problems:
        failed += 1
        print(f'FAIL {os.path.basename(path)}: ' + '; '.join(problems))
    else:
        passed += 1

for row in open(os.path.join(folder, 'expected.tsv'), encoding='utf-8'):
    if row.startswith('#') or not row.strip(): continue
    name, position, phrase = row.rstrip('\n').split('\t')
    run_case(os.path.join(folder, name), position, phrase)

# Large inputs, made here rather than kept in the repository.
H = '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en"><meta><title>T</title><date>2021</date></meta><body>'
with tempfile.TemporaryDirectory() as work:
    def make(name, text):
        path = os.path.join(work, name)
        open(path, 'w').write(text)
        return path
    run_case(make('over-16-mib.xml', H + '<p>' + 'x' * (17 << 20) + '</p></body></factsheet>'), '-', 'over the limit')
    run_case(make('nesting-100000.xml', H + '<p>' + '<em>' * 100000 + 'x' + '</em>' * 100000 + '</p></body></factsheet>'),
             '-', 'more than 256 deep')
    run_case(make('nodes-300000.xml', H + '<p>' + '<em>x</em>' * 150000 + '</p></body></factsheet>'), '1:1', 'XML nodes')
    shutil.copytree(os.path.join(tests, 'documents', 'img'), os.path.join(work, 'img'))
    run_case(make('image-over-size-limit.xml', H + '<figure src="img/taji-visit.jpg" alt="a"><caption>c</caption></figure>'
                  '</body></factsheet>'), '1:112', 'max-image-size', ['--max-image-size', '1000'])
    # A generated sheet on one line with many figures, none of them there: every error's column
    # and every figure's file are found without going over the line or the figures again.
    run_case(make('figures-40000-on-one-line.xml', H + ''.join(
        f'<figure src="img/missing-{i}.png" alt="a"><caption>c</caption></figure>' for i in range(40000))
        + '</body></factsheet>'), '1:112', 'no such file')
    run_case(make('pages-over-limit.xml', H + '<p>x</p>' * 400 + '</body></factsheet>'), '-', 'pages', ['--max-pages', '1'])
    run_case(make('title-taller-than-a-page.xml', H.replace('<title>T</title>', '<title>' + 'Word ' * 8000 + '</title>')
                  + '<p>x</p></body></factsheet>'), '-', 'shorten the title')

print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
