#!/usr/bin/env python3
"""Prints word-spacing figures of PDFs from their word boxes (pdftotext -bbox-layout).

usage: bench/spacing.py FILE.pdf...

For lines that reach the right edge of their column (justified lines), the gaps between words
are divided by the natural space of the font (Liberation Sans/Serif: 569/2048 em, the size taken
from the word box height, ascent plus descent = 1.149 em). Prints the 5th and 95th percentiles,
the share of justified-looking lines that end short of the edge, and the longest run of lines
ending in a hyphen."""
import re, subprocess, sys, xml.etree.ElementTree as ET

ratios, short, total_lines, hyphen_runs = [], 0, 0, []
for pdf in sys.argv[1:]:
    html = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True, text=True).stdout
    html = re.sub(r'<!DOCTYPE[^>]*>', '', html).replace('xmlns="http://www.w3.org/1999/xhtml"', '')
    root = ET.fromstring(html)
    for block in root.iter('block'):
        lines = list(block.iter('line'))
        if len(lines) < 3: continue
        right = max(float(l.get('xMax')) for l in lines)
        run = 0
        for i, line in enumerate(lines):
            words = list(line.iter('word'))
            run = run + 1 if words and words[-1].text and words[-1].text.endswith('-') else 0
            hyphen_runs.append(run)
            if i == len(lines) - 1 or len(words) < 2: continue
            total_lines += 1
            if right - float(line.get('xMax')) > 1.0:
                short += 1
                continue
            for a, b in zip(words, words[1:]):
                size = (float(a.get('yMax')) - float(a.get('yMin'))) / 1.149
                ratios.append((float(b.get('xMin')) - float(a.get('xMax'))) / (size * 569 / 2048))
ratios.sort()
if not ratios:
    print('no justified lines found'); sys.exit(0)
pct = lambda p: ratios[min(len(ratios) - 1, int(p / 100 * len(ratios)))]
print(f'justified lines: {total_lines - short}, word gaps: {len(ratios)}')
print(f'gap / natural space: 5th percentile {pct(5):.2f}, median {pct(50):.2f}, 95th percentile {pct(95):.2f}')
print(f'lines short of the right edge: {short} of {total_lines} ({100 * short / max(1, total_lines):.1f}%)')
print(f'longest run of hyphenated lines: {max(hyphen_runs or [0])}')
