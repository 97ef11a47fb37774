#!/usr/bin/env python3
"""End-to-end checks of factpress outputs, run by CTest.

usage: check_outputs.py FACTPRESS FOLDER [--golden DIR] [--update]

Renders every *.xml of FOLDER (PDF and briefings at widths 72 and 50, full and brief) and checks:
qpdf --check; every font embedded; page size and title; a pdftotext round trip that finds the
source's words; one URI link per distinct external link plus the contact links; one bookmark per
section plus the title; XMP metadata saying the title, language and author; tagged: an H1, a
heading a section, the figures' alternative texts, a Link element a link whose annotations say its
words, /Lang where a block's xml:lang is not the sheet's, the tagged text holding the source's
words; no composite glyph drawn with parts missing; identical bytes on a second run; briefings
within their width, keeping every word, link and contact line; golden briefings.
When FOLDER does not exist the check says it skipped and passes. Prints 'N passed, N failed'."""
import json, os, re, shutil, subprocess, sys, tempfile, unicodedata
import xml.etree.ElementTree as ET

NS = '{urn:factpress:factsheet:1}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
args = [a for a in sys.argv[1:] if not a.startswith('--')]
factpress, folder = args[0], args[1]
golden = sys.argv[sys.argv.index('--golden') + 1] if '--golden' in sys.argv else None
update = '--update' in sys.argv or os.environ.get('FACTPRESS_UPDATE_GOLDEN') == '1'
glyphcheck = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'tools', 'glyphcheck.py')
passed, failed = 0, 0

def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print(f'FAIL: {what}')

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)

# Soft hyphens, zero-width spaces and joiners: in the source, not drawn in the PDF.
INVISIBLE = dict.fromkeys(map(ord, '\u00ad\u200b\u200c\u200d\u2060\ufeff'), None)
# Direction marks, which pdftotext puts around runs of the other direction: between words.
DIRECTION_MARKS = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'), ' ')

def words_of(text):
    # NFKC folds Arabic presentation forms back to letters; combining marks (Arabic vowel signs)
    # are dropped on both sides, as extraction may place them differently.
    text = text.translate(INVISIBLE).translate(DIRECTION_MARKS)
    text = ''.join(c for c in unicodedata.normalize('NFKC', text) if unicodedata.category(c) != 'Mn')
    return [w for w in re.findall(r'\w+', text) if len(w) > 1 or w.isalpha()]

def source_facts(path):
    root = ET.parse(path).getroot()
    inline = {NS + t for t in ('em', 'strong', 'link', 'abbr')}
    def flat(e):  # text of an element; block elements are separated by a space, inline ones not
        parts = [e.text or '']
        for child in e:
            parts += [flat(child), '' if child.tag in inline else ' ', child.tail or '']
        return ''.join(parts)
    def text(e): return ' '.join(flat(e).split()) if e is not None else ''
    words = []
    for e in root:
        if e.tag != NS + 'meta':
            words += words_of(text(e))
    meta = root.find(NS + 'meta')
    words += words_of(text(meta.find(NS + 'title')))
    external = {l.get('href') for l in root.iter(NS + 'link') if not l.get('href').startswith('#')}
    body_links = set(external)
    contact = root.find(NS + 'contact')
    contact_lines = []
    if contact is not None:
        for c in contact:
            contact_lines.append(' '.join((c.text or '').split()))
            if c.tag == NS + 'email': external.add('mailto:' + c.text.strip())
            if c.tag == NS + 'web': external.add(c.text.strip() if '://' in c.text else 'https://' + c.text.strip())
    # Each link's words, as its annotations say them (/Contents): the body's links, the contact's
    # e-mail addresses and web sites.
    link_words = [text(l) for l in root.iter(NS + 'link')]
    link_words += [text(c) for c in (contact if contact is not None else []) if c.tag in (NS + 'email', NS + 'web')]
    sections = len(list(root.iter(NS + 'section')))
    # Headings of the logical structure: each section's, and the labels of the key-facts box and
    # the contact block; a figure's alternative text, where it has one (alt="" is decoration).
    headings = sections + len(root.findall(NS + 'key-facts/' + NS + 'fact')[:1]) + (contact is not None)
    alts = sorted(' '.join(f.get('alt').split()) for f in root.iter(NS + 'figure') if f.get('alt').strip())
    # The languages of blocks written in another than the sheet's (xml:lang on them or around),
    # and of words inside a block in another than the block's.
    sheet_lang = root.get(XML_LANG)
    def languages(e, lang, block_lang):
        lang = e.get(XML_LANG, lang)
        if e.tag in {NS + t for t in ('p', 'heading', 'fact', 'item', 'caption')}:
            block_lang = lang
            if lang != sheet_lang: yield lang
        elif e.tag in inline and e.get(XML_LANG) and lang != block_lang:
            yield lang
        for child in e:
            yield from languages(child, lang, block_lang)
    other_languages = set(languages(root, sheet_lang, sheet_lang))
    # Abbreviations a screen reader reads as their expansion (/E): not those written out, nor
    # those right after their expansion ("NATO Response Force (<abbr>NRF</abbr>)").
    parent_of = {child: e for e in root.iter() for child in e}
    def before(a):
        siblings = list(parent_of[a])
        k = siblings.index(a)
        return ' '.join(((siblings[k - 1].tail if k else parent_of[a].text) or '').split())
    expansions = set()
    for a in root.iter(NS + 'abbr'):
        title = ' '.join(a.get('title').split())
        if title != text(a) and not before(a).endswith(title + ' ('):
            expansions.add(title)
    # Words joined by a hyphen as the author wrote them ("non-combat"), to tell them from a word
    # broken at a line's end.
    hyphened = set(re.findall(r'(?=\b(\w+-\w+))', text(root)))
    return dict(words=words, hyphened=hyphened, other_languages=other_languages, external=external,
                body_links=body_links, contact_lines=contact_lines, sections=sections,
                headings=headings, alts=alts, link_words=link_words, expansions=expansions,
                key_facts=len(root.findall(NS + 'key-facts/' + NS + 'fact')), title=text(meta.find(NS + 'title')), lang=sheet_lang)

def pdf_objects(pdf):
    j = json.loads(run(['qpdf', '--json=2', '--json-key=qpdf', pdf], text=True).stdout)
    return [v.get('value') for v in j['qpdf'][1].values() if isinstance(v, dict) and isinstance(v.get('value'), dict)]

def check_pdf(pdf, facts, name):
    check(run(['qpdf', '--check', pdf]).returncode == 0, f'{name}: qpdf --check')
    fonts = run(['pdffonts', pdf], text=True).stdout.splitlines()[2:]
    check(fonts and all(l.split()[-5] == 'yes' for l in fonts), f'{name}: every font embedded')
    info = run(['pdfinfo', pdf], text=True).stdout
    check('595.276 x 841.89 pts (A4)' in info, f'{name}: A4 page size')
    title = re.search(r'^Title:\s+(.*)$', info, re.M)
    check(title and title.group(1).strip() == facts['title'], f'{name}: title in the metadata')
    extracted = run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], text=True)
    check(not extracted.stderr.strip(), f'{name}: pdftotext warns: {extracted.stderr.strip()[:200]}')
    # Copied text holds the letters an author typed, not the joining forms shaping drew (a
    # ligature of several letters, as LAM-ALEF, stays one character).
    shaped = [c for c in re.findall('[\ufb50-\ufdff\ufe70-\ufefc]', extracted.stdout)
              if len(unicodedata.normalize('NFKC', c)) == 1]
    check(not shaped, f'{name}: pdftotext finds Arabic presentation forms: {"".join(shaped[:10])}')
    text = re.sub(r'(\w)-\n(\w)', r'\1\2', extracted.stdout)  # hyphens at line ends joined
    found = set(words_of(text))
    missing = [w for w in facts['words'] if w not in found]
    share = 1 - len(missing) / max(1, len(facts['words']))
    check(share >= 0.97, f'{name}: {share:.1%} of words recovered by pdftotext, missing {missing[:10]}')
    # Contact lines read as written, in order: a telephone number is not turned the other way.
    rtl = bool(facts['lang']) and facts['lang'].split('-')[0] in ('ar', 'he', 'fa', 'ur')
    if not rtl:
        flowing = ' '.join(extracted.stdout.split())
        unread = [l for l in facts['contact_lines'] if l not in flowing]
        check(not unread, f'{name}: contact lines not found as written: {unread[:3]}')
    objects = pdf_objects(pdf)
    actions = [o for o in objects if o.get('/S') == '/URI']
    actions += [o['/A'] for o in objects if isinstance(o.get('/A'), dict) and o['/A'].get('/S') == '/URI']
    distinct = {re.sub(r'^[ub]:', '', a.get('/URI', '')) for a in actions}
    check(distinct == facts['external'], f'{name}: URI links {sorted(distinct)}, expected {sorted(facts["external"])}')
    catalog = next((o for o in objects if o.get('/Type') == '/Catalog'), {})
    check(re.sub(r'^[ub]:', '', catalog.get('/Lang', '')) == facts['lang'], f'{name}: /Lang is the xml:lang')
    preferences = catalog.get('/ViewerPreferences', {})
    check(preferences.get('/PrintScaling') == '/None' and preferences.get('/DisplayDocTitle') is True
          and (preferences.get('/Direction') == '/R2L') == rtl,
          f'{name}: viewer preferences {preferences}')
    pages = [o for o in objects if o.get('/Type') == '/Page']
    boxes = {str(o.get('/TrimBox')) for o in pages} | {str(o.get('/MediaBox')) for o in pages if '/MediaBox' in o}
    check(pages and all('/TrimBox' in o for o in pages) and len(boxes) == 1,
          f'{name}: every page has a /TrimBox, the page itself: {sorted(boxes)}')
    outlines = [o for o in objects if '/Title' in o and '/Parent' in o]
    check(len(outlines) == facts['sections'] + 1, f'{name}: {len(outlines)} bookmarks, expected {facts["sections"] + 1}')
    # XMP metadata (what asset managers, search indexes and preflight read), saying what the
    # Info dictionary says.
    xmp = run(['pdfinfo', '-meta', pdf], text=True).stdout
    try:
        description = ET.fromstring(xmp.split('?>', 1)[1].rsplit('<?xpacket', 1)[0]).find('.//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description')
    except (ET.ParseError, IndexError):
        description = None
    check(description is not None, f'{name}: an XMP packet that parses')
    if description is not None:
        said = lambda path: ' '.join(e.text or '' for e in description.iterfind(path))
        DC, RDF = '{http://purl.org/dc/elements/1.1/}', '{http://www.w3.org/1999/02/22-rdf-syntax-ns#}'
        check(said(f'{DC}title/{RDF}Alt/{RDF}li') == facts['title'], f'{name}: XMP dc:title {said(f"{DC}title/{RDF}Alt/{RDF}li")!r}')
        check(said(f'{DC}language/{RDF}Bag/{RDF}li') == facts['lang'], f'{name}: XMP dc:language')
        author = re.search(r'^Author:\s+(.*)$', info, re.M)
        check(said(f'{DC}creator/{RDF}Seq/{RDF}li') == (author.group(1).strip() if author else ''), f'{name}: XMP dc:creator is the Author')
    # Tagged: a structure tree whose title is the one H1, with a heading a section (and the key
    # facts' and contact's labels), each figure with its alternative text, every page's content
    # reachable from it (/StructParents), and the catalog saying so.
    check(re.search(r'^Tagged:\s+yes$', info, re.M), f'{name}: pdfinfo says the PDF is tagged')
    elements = [o for o in objects if o.get('/Type') == '/StructElem']
    roles = [o.get('/S') for o in elements]
    check(roles.count('/H1') == 1, f'{name}: one H1 (the title), found {roles.count("/H1")}')
    headings = sum(roles.count(h) for h in ('/H2', '/H3', '/H4'))
    check(headings == facts['headings'], f'{name}: {headings} headings H2-H4, expected {facts["headings"]}')
    alts = sorted(' '.join(re.sub(r'^u:', '', o.get('/Alt', '')).split()) for o in elements if o.get('/S') == '/Figure')
    check(alts == facts['alts'], f'{name}: figures\' alternative texts {alts}, expected {facts["alts"]}')
    check(catalog.get('/MarkInfo', {}).get('/Marked') is True and '/StructTreeRoot' in catalog,
          f'{name}: the catalog marks the PDF as tagged')
    check(all('/StructParents' in o for o in pages), f'{name}: every page is in the parent tree')
    # A Link element for each link, and each of its annotations (one a line) in the tree, saying
    # the link's words.
    check(roles.count('/Link') == len(facts['link_words']),
          f'{name}: {roles.count("/Link")} Link elements, expected {len(facts["link_words"])}')
    annotations = [o for o in objects if o.get('/Subtype') == '/Link']
    check(all('/StructParent' in o for o in annotations), f'{name}: every link annotation is in the parent tree')
    said = {' '.join(re.sub(r'^u:', '', o.get('/Contents', '')).split()) for o in annotations}
    check(said == set(facts['link_words']),
          f'{name}: link annotations say {sorted(said)}, expected {sorted(set(facts["link_words"]))}')
    spoken = {re.sub(r'^[ub]:', '', o['/Lang']) for o in elements if '/Lang' in o}
    check(spoken == facts['other_languages'], f'{name}: /Lang of elements {sorted(spoken)}, expected {sorted(facts["other_languages"])}')
    # A list label reads as a bullet or a number ("1."), whatever is drawn: a key fact's square
    # and a right-to-left ".1" say so (/ActualText).
    labels = [re.sub(r'^u:', '', o['/ActualText']) for o in elements if o.get('/S') == '/Lbl' and '/ActualText' in o]
    check(all(l == '\u2022' or re.fullmatch(r'\d+\.', l) for l in labels) and labels.count('\u2022') >= facts['key_facts'],
          f'{name}: list labels read {sorted(set(labels))}, at least {facts["key_facts"]} bullets for the key facts')
    expanded = {re.sub(r'^u:', '', o['/E']) for o in elements if '/E' in o}
    check(expanded == facts['expansions'], f'{name}: abbreviations\' expansions (/E) {sorted(expanded)}, expected {sorted(facts["expansions"])}')
    check(all(o.get('/Tabs') == '/S' for o in pages), f'{name}: links are tabbed through in the order of the structure')
    # What a screen reader gets: the tagged text alone, word spaces included. pdfinfo shows each
    # marked-content sequence of an element on a line of its own, split where something not read
    # is drawn (the hyphen a line was broken with): a reader reads them as one text. Right to
    # left, the drawn text is in visual order, and a block says its text as read (/ActualText),
    # which pdfinfo does not show: it is read from the elements.
    tagged = re.sub(r'"\n\s*"', '', run(['pdfinfo', '-struct-text', pdf], text=True).stdout)
    tagged += ' '.join(re.sub(r'^u:', '', o.get('/ActualText', '')) for o in elements)
    said = set(words_of(tagged))
    broken = [w for w in set(re.findall(r'(?=\b(\w+-\w+))', tagged))
              if w not in facts['hyphened'] and w.replace('-', '') in facts['words']]
    check(not broken, f'{name}: the tagged text reads words with the hyphen their line was broken with: {sorted(broken)[:5]}')
    unsaid = [w for w in facts['words'] if w not in said]
    share = 1 - len(unsaid) / max(1, len(facts['words']))
    check(share >= 0.97, f'{name}: {share:.1%} of words in the tagged text, missing {unsaid[:10]}')
    if rtl:
        check_right_aligned(pdf, name)
    if os.path.exists(glyphcheck) and os.path.exists('/usr/bin/python3'):
        check(run(['/usr/bin/python3', glyphcheck, pdf]).returncode == 0, f'{name}: no glyph with parts missing')

def check_right_aligned(pdf, name):
    """Every line of a right-to-left block ends at the block's right edge."""
    html = run(['pdftotext', '-bbox-layout', pdf, '-'], text=True).stdout
    html = re.sub(r'<!DOCTYPE[^>]*>', '', html).replace('xmlns="http://www.w3.org/1999/xhtml"', '')
    blocks = 0
    for block in ET.fromstring(html).iter('block'):
        lines = list(block.iter('line'))
        text = ' '.join(w.text or '' for w in block.iter('word'))
        if len(lines) < 2 or not re.search('[\u0590-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]', text): continue
        blocks += 1
        right = max(float(l.get('xMax')) for l in lines)
        ragged = [l for l in lines if right - float(l.get('xMax')) > 1.5]
        check(not ragged, f'{name}: right-to-left lines not aligned right: {[" ".join(w.text for w in l.iter("word"))[:40] for l in ragged][:2]}')
    check(blocks > 0, f'{name}: no right-to-left block found')

def check_text(txt, facts, width, name, profile):
    raw = open(txt, 'rb').read()
    check(raw.endswith(b'\n') and not raw.endswith(b'\n\n'), f'{name}: one newline at the end')
    check(b'\t' not in raw and b'\r' not in raw, f'{name}: no tabs or CR')
    text = raw.decode('utf-8')
    wide = [l for l in text.splitlines() if display_width(l) > width and ' ' in l.strip()]
    check(not wide, f'{name}: lines over {width} columns: {wide[:2]}')
    if profile == 'full':
        found = set(words_of(text))
        missing = [w for w in facts['words'] if w not in found]
        check(not missing, f'{name}: words missing from the briefing: {missing[:10]}')
        for url in facts['body_links']:
            check(url in text.replace('\n', ' ') or url in text, f'{name}: link target {url} in the briefing')
    for line in facts['contact_lines']:
        check(line in ' '.join(text.split()), f'{name} ({profile}): contact line "{line}"')
    check(facts['title'].split()[0] in text, f'{name} ({profile}): title')

def display_width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) == 'Cf': continue
        w += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
    return w

def main():
    if not os.path.isdir(folder):
        print(f'skipped: {folder} does not exist')
        print('0 passed, 0 failed, 1 skipped')
        return 0
    documents = sorted(f for f in os.listdir(folder) if f.endswith('.xml'))
    out = tempfile.mkdtemp(prefix='factpress-e2e-')
    env = dict(os.environ, SOURCE_DATE_EPOCH='1700000000')
    try:
        for doc in documents:
            name, path = doc[:-4], os.path.join(folder, doc)
            facts = source_facts(path)
            outputs = {}
            for profile, width in (('full', 72), ('full', 50), ('brief', 72)):
                d = os.path.join(out, f'{profile}{width}')
                r = run([factpress, 'build', '-q', '-o', d, '--width', str(width), '--briefing', profile, path], env=env)
                check(r.returncode == 0, f'{name}: build exit {r.returncode} {r.stderr[-300:]}')
                outputs[(profile, width)] = os.path.join(d, name)
                check_text(os.path.join(d, name + '.txt'), facts, width, f'{name}.{profile}{width}', profile)
            first = outputs[('full', 72)]
            check_pdf(first + '.pdf', facts, name)
            again = os.path.join(out, 'again')
            run([factpress, 'build', '-q', '--force', '-o', again, path], env=env)
            for ext in ('.pdf', '.txt'):
                check(open(first + ext, 'rb').read() == open(os.path.join(again, name + ext), 'rb').read(),
                      f'{name}{ext}: identical bytes on a second run')
            brief, full = open(outputs[('brief', 72)] + '.txt').read(), open(first + '.txt').read()
            check(len(words_of(brief)) <= len(words_of(full)), f'{name}: the brief profile is not longer than the full one')
            if golden:
                for (profile, width), base in outputs.items():
                    g = os.path.join(golden, f'{name}.{profile}{width}.txt')
                    actual = open(base + '.txt', encoding='utf-8').read()
                    if update:
                        os.makedirs(golden, exist_ok=True)
                        open(g, 'w', encoding='utf-8').write(actual)
                    expected = open(g, encoding='utf-8').read() if os.path.exists(g) else None
                    check(expected == actual, f'{name}: briefing differs from golden {g} (FACTPRESS_UPDATE_GOLDEN=1 rewrites it)')
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

sys.exit(main())
