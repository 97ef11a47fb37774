#!/usr/bin/env python3
"""Prints word-spacing figures of PDFs from their word boxes (pdftotext -bbox-layout).

usage: bench/spacing.py FILE.pdf...

In justified blocks (most lines reach the block's right edge; the last line of each block is
left out, being set at its natural width), the gaps between words
are divided by the natural space of the font (Liberation Sans/Serif: 569/2048 em, the size taken
from the word box height, ascent plus descent = 1.117 em, as the word boxes of a 22 pt title measure). Prints the 5th and 95th percentiles,
the share of justified-looking lines that end short of the edge, and the longest run of lines
ending in a hyphen."""
import re, subprocess, sys, xml.etree.ElementTree as ET

MARKERS = re.compile(r'^(\u2022|\u25a0|\d+\.)$')
ratios, short, total_lines, hyphen_runs = [], 0, 0, []
for pdf in sys.argv[1:]:
    html = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True, text=True).stdout
    html = re.sub(r'<!DOCTYPE[^>]*>', '', html).replace('xmlns="http://www.w3.org/1999/xhtml"', '')
    root = ET.fromstring(html)
    for block in root.iter('block'):
        lines = list(block.iter('line'))
        run = 0
        for line in lines:
            words = list(line.iter('word'))
            run = run + 1 if words and words[-1].text and words[-1].text.endswith('-') else 0
            hyphen_runs.append(run)
        body = lines[:-1]  # the last line of a paragraph is set at its natural width
        if len(body) < 2: continue
        right = max(float(l.get('xMax')) for l in body)
        at_edge = [right - float(l.get('xMax')) <= 1.0 for l in body]
        if sum(at_edge) < 0.6 * len(body): continue  # a ragged block (caption, list of facts)
        for line, edge in zip(body, at_edge):
            words = list(line.iter('word'))
            if len(words) < 2: continue
            total_lines += 1
            if not edge:
                short += 1
                continue
            if MARKERS.match(words[0].text or ''): words = words[1:]
            for a, b in zip(words, words[1:]):
                size = (float(a.get('yMax')) - float(a.get('yMin'))) / 1.117
                ratios.append((float(b.get('xMin')) - float(a.get('xMax'))) / (size * 569 / 2048))
ratios.sort()
if not ratios:
    print('no justified lines found'); sys.exit(0)
pct = lambda p: ratios[min(len(ratios) - 1, int(p / 100 * len(ratios)))]
print(f'justified lines: {total_lines - short}, word gaps: {len(ratios)}')
print(f'gap / natural space: 5th percentile {pct(5):.2f}, median {pct(50):.2f}, 95th percentile {pct(95):.2f}')
print(f'lines short of the right edge: {short} of {total_lines} ({100 * short / max(1, total_lines):.1f}%)')
print(f'longest run of hyphenated lines: {max(hyphen_runs or [0])}')
