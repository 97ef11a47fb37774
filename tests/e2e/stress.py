#!/usr/bin/env python3
"""Stress documents that must render: generated here (too large to keep in the repository),
built with factpress, checked for a valid PDF and briefing with every word inside the page.
Times are printed for information; a generous timeout only catches hangs.

usage: stress.py FACTPRESS     prints 'N passed, N failed'"""
import os, random, re, struct, subprocess, sys, tempfile, time, zlib

factpress = sys.argv[1]
H = ('<?xml version="1.0" encoding="UTF-8"?>\n<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en">'
     '<meta><title>Stress {name}</title><date>2021-02</date></meta><body>')
T = '</body></factsheet>\n'
random.seed(7)
WORDS = ('the mission assists institutions transparent inclusive effective security forces training '
         'advisory Baghdad government international humanitarian capacity Alliance').split()

def words(n): return ' '.join(random.choice(WORDS) for _ in range(n))

def png(width, height):
    row = bytes(v for x in range(width) for v in (x * 7 % 256, 120, 90))
    raw = b''.join(b'\0' + row for _ in range(height))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

def figure(src, caption='A figure', width=''):
    return f'<figure src="{src}" alt="a"{width}><caption>{caption}</caption></figure>'

CASES = {
    '20000-word-paragraph': f'<p>{words(20000)}</p>',
    '2000-paragraphs': ''.join(f'<p>{words(12)}</p>' for _ in range(2000)),
    '400-character-word': f'<p>{words(30)} {"x" * 400} {words(30)}</p>',
    'inline-nesting-200': '<p>' + ''.join('<em>' if i % 2 else '<strong>' for i in range(200)) + words(50) +
                          ''.join('</em>' if i % 2 else '</strong>' for i in reversed(range(200))) + '</p>',
    'image-1x1': figure('img/one.png') + f'<p>{words(40)}</p>',
    'image-8000x200': figure('img/wide.png', width=' width="50%"') + f'<p>{words(40)}</p>',
    'caption-longer-than-a-page': figure('img/one.png', caption=words(3000)),
    '300-figures': ''.join(figure('img/one.png', f'Figure {i}', ' width="20%"') + f'<p>{words(20)}</p>' for i in range(300)),
    'deep-sections-and-links': ''.join(f'<section id="s{i}"><heading>Part {i}</heading><p>See <link href="#s{(i + 1) % 50}">next</link> '
                                       f'and <link href="https://example.org/{i}">site {i}</link>.</p>'
                                       f'<section><heading>Sub {i}</heading><section><heading>Subsub</heading><p>{words(30)}</p>'
                                       f'</section></section></section>' for i in range(50)),
}

def inside_page(pdf):
    html = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    for width, height, body in pages:
        for x0, y0, x1, y1 in re.findall(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', body):
            if float(x0) < 0 or float(y0) < 0 or float(x1) > float(width) + 0.5 or float(y1) > float(height) + 0.5:
                return False
    return bool(pages)

def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, 'img'))
        open(os.path.join(work, 'img', 'one.png'), 'wb').write(png(1, 1))
        open(os.path.join(work, 'img', 'wide.png'), 'wb').write(png(8000, 200))
        for name, body in CASES.items():
            path = os.path.join(work, name + '.xml')
            open(path, 'w').write(H.format(name=name) + body + T)
            start = time.monotonic()
            try:
                r = subprocess.run([factpress, 'build', '-q', '--max-pages', '2000', '-o', os.path.join(work, 'out'), path],
                                   capture_output=True, text=True, timeout=120)
                code, err = r.returncode, r.stderr
            except subprocess.TimeoutExpired:
                code, err = 'timeout', ''
            seconds = time.monotonic() - start
            pdf = os.path.join(work, 'out', name + '.pdf')
            txt = os.path.join(work, 'out', name + '.txt')
            ok = (code == 0 and subprocess.run(['qpdf', '--check', pdf], capture_output=True).returncode == 0
                  and os.path.getsize(txt) > 0 and inside_page(pdf))
            pages = re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout) if code == 0 else None
            print(f'{"ok  " if ok else "FAIL"} {name}: {seconds:.2f} s, {pages.group(1) if pages else "?"} pages {err.strip()[:200]}')
            passed, failed = passed + ok, failed + (not ok)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

sys.exit(main())
