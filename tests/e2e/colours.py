#!/usr/bin/env python3
"""A figure's colours as its file says: an embedded ICC profile (JPEG's APP2 segments, joined in
their numbered order; PNG's iCCP) becomes the image's /ICCBased colour space, one stream for all
the images that share it; a profile that is damaged or not for the image's colours is a warning at
the figure, and the image is used without it; a CMYK JPEG's inks are inverted (/Decode) only when
Adobe's APP14 segment says they are stored so.
usage: colours.py FACTPRESS TESTS_DIR"""
import os, re, shutil, struct, subprocess, sys, tempfile, zlib

factpress, tests = sys.argv[1], sys.argv[2]
failures = []


def check(what, ok):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok: failures.append(what)


def s15(v): return struct.pack('>i', round(v * 65536))


def xyz(x, y, z): return b'XYZ ' + b'\0' * 4 + s15(x) + s15(y) + s15(z)


def rgb_profile(primaries, name):
    """A version 2 RGB display profile: the D50 XYZ of its red, green and blue, gamma 2.2."""
    desc = b'desc' + b'\0' * 4 + struct.pack('>I', len(name) + 1) + name.encode() + b'\0' * 80
    curve = b'curv' + b'\0' * 4 + struct.pack('>IH', 1, round(2.2 * 256)) + b'\0\0'
    tags = [(b'desc', desc), (b'cprt', b'text' + b'\0' * 4 + b'none\0\0\0\0'), (b'wtpt', xyz(0.9642, 1.0, 0.8249))]
    tags += [(k, xyz(*p)) for k, p in zip((b'rXYZ', b'gXYZ', b'bXYZ'), primaries)]
    tags += [(k, curve) for k in (b'rTRC', b'gTRC', b'bTRC')]
    table, data, start = b'', b'', 128 + 4 + 12 * len(tags)
    for sig, body in tags:
        table += sig + struct.pack('>II', start + len(data), len(body))
        data += body + b'\0' * (-len(body) % 4)
    body = struct.pack('>I', len(tags)) + table + data
    header = (struct.pack('>I', 128 + len(body)) + b'\0' * 4 + struct.pack('>I', 0x02100000) + b'mntrRGB XYZ ' +
              b'\0' * 12 + b'acsp' + b'\0' * 28 + xyz(0.9642, 1.0, 0.8249)[8:] + b'\0' * 48)
    return header + body


# Adobe RGB (1998): wider than sRGB, so the same samples show more saturated colours.
wide = rgb_profile([(0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), (0.1492, 0.0632, 0.7446)], 'wide')


def with_segments(jpeg, segments):
    """`jpeg` with APPn `segments` ((marker, data) pairs) right after its SOI."""
    return jpeg[:2] + b''.join(b'\xff' + bytes([m]) + struct.pack('>H', len(d) + 2) + d for m, d in segments) + jpeg[2:]


def icc_parts(profile, cut):
    """The profile in two APP2 segments, the second part first: joined by number, not by place."""
    return [(0xE2, b'ICC_PROFILE\0\x02\x02' + profile[cut:]), (0xE2, b'ICC_PROFILE\0\x01\x02' + profile[:cut])]


def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


def png(width, height, colour_type, rows, extra):
    ihdr = struct.pack('>IIBBBBB', width, height, 8, colour_type, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + extra +
            chunk(b'IDAT', zlib.compress(b''.join(b'\0' + r for r in rows))) + chunk(b'IEND', b''))


work = tempfile.mkdtemp()
try:
    img = os.path.join(work, 'img')
    os.makedirs(img)
    photo = open(os.path.join(tests, 'documents', 'img', 'taji-visit.jpg'), 'rb').read()
    iccp = chunk(b'iCCP', b'wide\0\0' + zlib.compress(wide))
    w, h = 60, 40
    rgb_rows = [bytes(v for x in range(w) for v in (200, 4 * y, 30)) for y in range(h)]
    files = {
        'whole.jpg': with_segments(photo, [(0xE2, b'ICC_PROFILE\0\x01\x01' + wide)]),
        'parts.jpg': with_segments(photo, icc_parts(wide, 300)),
        'rgb.png': png(w, h, 2, rgb_rows, iccp),
        'palette.png': png(w, h, 3, [bytes(x % 2 for x in range(w)) for _ in range(h)],
                           iccp + chunk(b'PLTE', bytes([200, 30, 30, 30, 120, 200]))),
        'cut.jpg': with_segments(photo, [(0xE2, b'ICC_PROFILE\0\x01\x01' + wide[:-4])]),
        'missing-part.jpg': with_segments(photo, icc_parts(wide, 300)[:1]),
        'grey.png': png(w, h, 0, [bytes(range(w)) for _ in range(h)], iccp),
    }
    for name, data in files.items():
        open(os.path.join(img, name), 'wb').write(data)
    for name in ('cmyk-adobe.jpg', 'cmyk-plain.jpg'):
        shutil.copy(os.path.join(tests, 'e2e', 'img', name), img)
    names = list(files) + ['cmyk-adobe.jpg', 'cmyk-plain.jpg']
    figures = '\n'.join(f'<figure src="img/{n}" alt="{n}" width="30%"><caption>{n}</caption></figure>' for n in names)
    source = os.path.join(work, 'colours.xml')
    open(source, 'w').write('<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en">\n'
                            '<meta><title>Colours</title><date>2024</date></meta><body>\n' + figures + '\n</body></factsheet>\n')
    out = os.path.join(work, 'out')
    run = subprocess.run([factpress, 'build', '-f', 'pdf', '-o', out, source], capture_output=True, text=True)
    pdf = os.path.join(out, 'colours.pdf')
    check('a sheet whose profiles cannot all be used is still built (exit 0)', run.returncode == 0 and os.path.exists(pdf))
    warnings = [line for line in run.stderr.splitlines() if 'colour profile' in line]
    expected = [
        ':7:1: warning: figure src="img/cut.jpg": its colour profile is damaged or cut short; the image is used without it',
        ':8:1: warning: figure src="img/missing-part.jpg": its colour profile\'s APP2 segments are missing or repeated; the image is used without it',
        ':9:1: warning: figure src="img/grey.png": its colour profile is for RGB colours, its samples are GRAY; the image is used without it',
    ]
    check('one warning for each profile not used, at its figure: ' + ' | '.join(warnings),
          len(warnings) == len(expected) and all(line.endswith(tail) for line, tail in zip(warnings, expected)))

    listing = subprocess.run(['pdfimages', '-list', pdf], capture_output=True, text=True).stdout.splitlines()[2:]
    colours = [line.split()[5] for line in listing]
    check('profiled images are /ICCBased (index: a palette in the profile\'s colours), the others device colours: '
          + ' '.join(colours), colours == ['icc', 'icc', 'icc', 'index', 'rgb', 'rgb', 'gray', 'cmyk', 'cmyk'])

    qdf = os.path.join(work, 'qdf.pdf')
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, qdf], check=True)
    text = open(qdf, 'rb').read().decode('latin-1')
    objects = {number: ' '.join(body.split()) for number, body in re.findall(r'\n(\d+) 0 obj\n<<(.*?)\n>>', text, re.S)}
    streams = [n for n, d in objects.items() if '/Alternate /DeviceRGB' in d and '/N 3' in d]
    users = [d for d in objects.values() if streams and f'/ICCBased {streams[0]} 0 R' in d]
    check(f'one ICC stream for the four images that share the profile ({len(streams)} streams, {len(users)} images)',
          len(streams) == 1 and len(users) == 4)
    check('the palette\'s base colours are the profile\'s', any('/Indexed [ /ICCBased' in d for d in users))
    if streams:
        embedded = subprocess.run(['qpdf', f'--show-object={streams[0]}', '--filtered-stream-data', qdf],
                                  capture_output=True).stdout
        check('the ICC stream holds the profile, its APP2 parts joined in order', embedded == wide)
    cmyk = [d for d in objects.values() if '/ColorSpace /DeviceCMYK' in d]
    decodes = [re.search(r'/Decode \[ ([0-9 ]*) \]', d) for d in cmyk]
    decodes = [m.group(1) if m else None for m in decodes]
    check('a CMYK JPEG with Adobe\'s APP14 is inverted (/Decode [1 0 ...]), one without it is not: ' + repr(decodes),
          decodes == ['1 0 1 0 1 0 1 0', None])
    # The inks as a reader shows them: the left half of both holds cyan, the right half none.
    subprocess.run(['pdfimages', '-f', '1', '-l', '1', pdf, os.path.join(work, 'image')], check=True)
    shown = []
    for number in (7, 8):
        data = open(os.path.join(work, f'image-{number:03d}.ppm'), 'rb').read()
        magic, size, depth, pixels = data.split(b'\n', 3)
        width = int(size.split()[0])
        shown.append([tuple(pixels[(width + x) * 3:(width + x) * 3 + 3]) for x in (4, width - 4)])  # row 1
    cyan = lambda p: p[0] < 100 and p[2] > 150
    white = lambda p: min(p) > 200
    check('both CMYK JPEGs show cyan on the left and paper on the right: ' + repr(shown),
          all(cyan(left) and white(right) for left, right in shown))
finally:
    shutil.rmtree(work)

print(f'{len(failures)} failed' if failures else 'all passed')
sys.exit(1 if failures else 0)
