#!/usr/bin/env bash
# The command-line contract of CLI.md: exit codes, diagnostics format, fail-soft batches,
# no output for a failed document, atomic and incremental outputs, reports.
set -u
factpress=$1; tests=$2
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $1"; fi; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

$factpress --version >"$work/v" 2>&1; check "--version exits 0" "[ $? -eq 0 ] && grep -q '^factpress ' $work/v"
$factpress --help >/dev/null 2>&1; check "--help exits 0" "[ $? -eq 0 ]"
$factpress build --bogus x.xml 2>/dev/null; check "unknown option exits 2" "[ $? -eq 2 ]"
$factpress build "$work/nothing-here.xml" 2>/dev/null; check "missing path exits 2" "[ $? -eq 2 ]"
$factpress build -s no-such-style "$tests/documents/edge-cases.xml" -o "$work/o" 2>/dev/null; check "unknown style exits 2" "[ $? -eq 2 ]"
$factpress build -q -j 1 --max-pages=3 -s plain -f pdf -o "$work/opts" "$tests/documents/edge-cases.xml"
check "short options, --name=value, -f pdf only" "[ $? -eq 0 ] && [ -s $work/opts/edge-cases.pdf ] && [ ! -e $work/opts/edge-cases.txt ]"
check "the plain style's text is set in its serif family, not the fallback chain's sans" "pdffonts $work/opts/edge-cases.pdf | grep -q LiberationSerif && ! pdffonts $work/opts/edge-cases.pdf | grep -q 'LiberationSans '"
$factpress build -q -j2 -fpdf -o"$work/attached" "$tests/documents/edge-cases.xml"
check "a short option's value attached, as getopt takes it: -j2 -fpdf -oDIR" "[ $? -eq 0 ] && [ -s $work/attached/edge-cases.pdf ] && [ ! -e $work/attached/edge-cases.txt ]"
$factpress build -q -j0 "$tests/documents/edge-cases.xml" 2>$work/j0.err; check "-j0 is bad usage, named as typed" "[ $? -eq 2 ] && grep -q \"bad value '0' for option '-j'\" $work/j0.err"
touch "$work/a-file"
$factpress build -q -o "$work/a-file/out" "$tests/documents/edge-cases.xml" 2>"$work/outdir.err"; code=$?
check "an out-dir under a file is bad usage, said once before any document" "[ $code -eq 2 ] && [ \$(wc -l <$work/outdir.err) -eq 1 ] && grep -q 'cannot use out-dir .*a-file/out: .*a-file is a file, not a folder' $work/outdir.err"
$factpress build --max-pages 0 "$tests/documents/edge-cases.xml" 2>/dev/null; check "a limit of 0 pages is bad usage" "[ $? -eq 2 ]"
$factpress build --width 39 "$tests/documents/edge-cases.xml" 2>$work/width.err; check "--width under 40 is bad usage" "[ $? -eq 2 ]"
check "a bad value says what was expected" "grep -q \"bad value '39' for option '--width': expected a whole number of characters from 40 to 1000\" $work/width.err"
$factpress styles >"$work/styles"; check "styles lists nato, letter, plain" "grep -q nato $work/styles && grep -q letter $work/styles && grep -q plain $work/styles"

$factpress check "$tests/hostile/dangling-link.xml" 2>"$work/err"; code=$?
check "check of a bad file exits 1" "[ $code -eq 1 ]"
check "diagnostic is FILE:LINE:COLUMN: error: MESSAGE" "grep -Eq '^.*dangling-link.xml:[0-9]+:[0-9]+: error: ' $work/err"
# check reports what build would, beyond validation: a character no font of the style covers
# (at its line), a document longer than --max-pages; and it writes nothing.
mkdir -p "$work/checked"
sed 's|<title>\([^<]*\)</title>|<title>\1 \xe5\x8c\x97</title>|' "$tests/documents/french.xml" >"$work/checked/cjk.xml"
$factpress check "$work/checked/cjk.xml" 2>"$work/checked.err"; code=$?
check "check warns of a character no font covers, at its line, and exits 0" "[ $code -eq 0 ] && grep -Eq 'checked/cjk.xml:[0-9]+:[0-9]+: warning: 北 U\+5317 is not covered by any font of style nato; it is drawn as a box' $work/checked.err && [ -z \"\$(ls -A $work/checked | grep -v cjk.xml)\" ]"
# A style sheet's words for a language reach both the PDF and the briefing.
printf '<style extends="nato">\n  <labels xml:lang="en" key-facts="At a glance" phone="Phone: {}"/>\n</style>\n' >"$work/words.xml"
$factpress build -q -s "$work/words.xml" -o "$work/words" "$tests/../examples/nato-mission-iraq.xml"; code=$?
check "a style's <labels> reach the PDF and the briefing" "[ $code -eq 0 ] && pdftotext $work/words/nato-mission-iraq.pdf - | grep -q 'AT A GLANCE' && grep -q 'AT A GLANCE' $work/words/nato-mission-iraq.txt && grep -q '^Phone: +32' $work/words/nato-mission-iraq.txt"
# A house style kept in the folder of the sheets it styles is left out of the batch, and said so.
mkdir -p "$work/housed/img" && cp "$tests/documents/french.xml" "$work/housed/" && cp "$tests/documents/img/"* "$work/housed/img/"
printf '<style extends="plain">\n  <set element="page" size="A5"/>\n</style>\n' >"$work/housed/house.xml"
$factpress build -s "$work/housed/house.xml" -o "$work/housed-out" "$work/housed" 2>"$work/housed.err"; code=$?
check "the style sheet in use, found in the folder built, is left out with a note" "[ $code -eq 0 ] && [ -s $work/housed-out/french.pdf ] && [ ! -e $work/housed-out/house.pdf ] && grep -q 'housed/house.xml is the style sheet in use, not a fact sheet: left out' $work/housed.err"
$factpress check --max-pages 1 "$tests/../examples/nato-mission-iraq.xml" 2>"$work/pages.err"; code=$?
check "check fails a document longer than --max-pages" "[ $code -eq 1 ] && grep -q 'needs more than 1 page (--max-pages)' $work/pages.err"
# A summary too long for the first page, which it must stand on: an error at the summary, no PDF.
long=$(printf '<p>%s</p>' $(seq -f 'Allied-forces-conduct-exercises-to-maintain-readiness-%g' 1 400))
printf '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en">\n<meta><title>T</title><date>2024</date></meta>\n<summary>%s</summary>\n<body><p>x</p></body></factsheet>\n' "$long" >"$work/long-summary.xml"
$factpress build -o "$work/long-summary" "$work/long-summary.xml" 2>"$work/long-summary.err"; code=$?
check "a summary longer than the first page is an error at the summary, and writes nothing" "[ $code -eq 1 ] && grep -Eq 'long-summary.xml:3:10: error: the title band and summary are [0-9]+ pt tall' $work/long-summary.err && [ ! -e $work/long-summary/long-summary.pdf ]"

# A batch with good and bad documents: the good ones are written, exit 1, the bad leave nothing.
mkdir -p "$work/in/sub" "$work/in/img"
cp "$tests/documents/edge-cases.xml" "$work/in/good.xml"
cp "$tests/documents/every-element.xml" "$work/in/sub/nested.xml"; cp -r "$tests/documents/img" "$work/in/sub/"
cp "$tests/hostile/duplicate-id.xml" "$work/in/bad.xml"
$factpress build -j 2 -o "$work/out" --report "$work/report.json" "$work/in" 2>/dev/null; code=$?
check "batch with a failure exits 1" "[ $code -eq 1 ]"
check "good documents written, sub-folders kept" "[ -s $work/out/good.pdf ] && [ -s $work/out/good.txt ] && [ -s $work/out/sub/nested.pdf ]"
check "failed document leaves no output" "[ ! -e $work/out/bad.pdf ] && [ ! -e $work/out/bad.txt ]"
check "no temporary files left" "[ -z \"\$(find $work/out -name '.*.tmp-*')\" ]"
check "report lists 3 documents, 1 failed" "python3 -c \"import json,sys; r=json.load(open('$work/report.json')); sys.exit(not (r['totals']['documents']==3 and r['totals']['failed']==1))\""
# A Persian word with a zero-width non-joiner copies out of the PDF with it (drawn as nothing).
mkdir -p "$work/zwnj"
printf '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="fa"><meta><title>T</title><date>2021</date></meta><body><p>\xd9\x86\xd8\xa7\xd8\xaa\xd9\x88 \xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd8\xaf</p></body></factsheet>\n' >"$work/zwnj/fa.xml"
$factpress build -q -f pdf -o "$work/zwnj" "$work/zwnj/fa.xml"
check "a Persian word keeps its zero-width non-joiner in copied text" "pdftotext $work/zwnj/fa.pdf - | grep -q \$'\\xd9\\x85\\xdb\\x8c\\xe2\\x80\\x8c\\xd8\\xae'"
# ... and is drawn as nothing: alef, which never joins the letter after it, looks the same with a
# non-joiner after it as without (a font's own non-joiner glyph is a bar).
for name in with-non-joiner without; do
  text='\xd8\xa7\xd8\xa7'; [ $name = without ] || text='\xd8\xa7\xe2\x80\x8c\xd8\xa7'
  printf '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="fa"><meta><title>T</title><date>2021</date></meta><body><p>%b</p></body></factsheet>\n' "$text" >"$work/zwnj/$name.xml"
  $factpress build -q -f pdf -o "$work/zwnj" "$work/zwnj/$name.xml" && pdftoppm -r 100 "$work/zwnj/$name.pdf" "$work/zwnj/$name"
done
check "a zero-width non-joiner is drawn as nothing" "grep -q \$'\\xe2\\x80\\x8c' $work/zwnj/with-non-joiner.xml && cmp -s $work/zwnj/with-non-joiner-1.ppm $work/zwnj/without-1.ppm"
# A sheet whose spacing was tightened to save a page says so: with -v, and in the report.
$factpress build -v -o "$work/tight" --report "$work/tight.json" "$tests/documents/every-element.xml" 2>"$work/tight.err"
check "tightened spacing is told with -v and in the report" "grep -Eq '^  spacing +[0-9]+% of the style.s between blocks, to save a page$' $work/tight.err && python3 -c \"import json,sys; s=json.load(open('$work/tight.json'))['documents'][0]['spacing']; sys.exit(not 0.5 <= s < 1)\""

# A second run skips up-to-date outputs; --force rebuilds; a failed rebuild keeps the old output.
before=$(stat -c %Y "$work/out/good.pdf")
manifest_inode=$(stat -c %i "$work/out/.factpress-manifest")
$factpress build -o "$work/out" --report "$work/report2.json" "$work/in/good.xml" 2>/dev/null
check "unchanged document is up to date" "grep -q up-to-date $work/report2.json"
# A rebuild that makes the same bytes leaves the file as it was (its date too): a sync sends only
# what changed. The briefing of another SOURCE_DATE_EPOCH is the same; its PDF is not.
SOURCE_DATE_EPOCH=1000000000 $factpress build -q -o "$work/same" "$work/in/good.xml"
same_before=$(stat -c '%i %Y' "$work/same/good.pdf" "$work/same/good.txt")
SOURCE_DATE_EPOCH=1000000000 $factpress build -q --force -o "$work/same" "$work/in/good.xml"
check "a forced rebuild to the same bytes leaves both files as they were" "[ \"\$(stat -c '%i %Y' $work/same/good.pdf $work/same/good.txt)\" = \"$same_before\" ]"
txt_before=$(stat -c %i "$work/same/good.txt"); pdf_before=$(stat -c %i "$work/same/good.pdf")
SOURCE_DATE_EPOCH=1100000000 $factpress build -q -o "$work/same" "$work/in/good.xml"
check "only the output whose bytes changed is replaced" "[ \$(stat -c %i $work/same/good.txt) -eq $txt_before ] && [ \$(stat -c %i $work/same/good.pdf) -ne $pdf_before ]"
# SOURCE_DATE_EPOCH decides the dates inside the PDF: another one rebuilds.
SOURCE_DATE_EPOCH=1000000000 $factpress build -q -o "$work/epoch" "$work/in/good.xml"
SOURCE_DATE_EPOCH=1100000000 $factpress build -q -o "$work/epoch" --report "$work/epoch.json" "$work/in/good.xml"
check "another SOURCE_DATE_EPOCH rebuilds, with its date" "grep -q '\"status\": \"ok\"' $work/epoch.json && pdfinfo -isodates $work/epoch/good.pdf | grep -q 'CreationDate: *2004-11-09'"
# A photo replaced is seen however its src is written: a reference (&amp;), spaces around '='.
mkdir -p "$work/escaped"; cp -r "$tests/documents/img" "$work/escaped/"; cp "$tests/documents/img/emblem.png" "$work/escaped/img/a&b.png"
sed 's|src="img/emblem.png"|src = "img/a\&amp;b.png"|' "$tests/documents/every-element.xml" >"$work/escaped/e.xml"
$factpress build -q -o "$work/escaped-out" "$work/escaped/e.xml"
first=$(md5sum <"$work/escaped-out/e.pdf")
cp "$tests/documents/img/ok.png" "$work/escaped/img/a&b.png"
$factpress build -q -o "$work/escaped-out" --report "$work/escaped.json" "$work/escaped/e.xml"
check "a photo named through a reference and then replaced is rebuilt" "grep -q 'a&amp;b.png' $work/escaped/e.xml && grep -q '\"status\": \"ok\"' $work/escaped.json && [ \"\$(md5sum <$work/escaped-out/e.pdf)\" != \"$first\" ]"
# Two files with the same name from two folders would have the same outputs: the second is not
# built, with an error naming both; a file named twice is built once.
mkdir -p "$work/twin1" "$work/twin2"
cp "$tests/documents/french.xml" "$work/twin1/x.xml"; cp "$tests/documents/greek.xml" "$work/twin2/x.xml"
$factpress build -o "$work/twins" --report "$work/twins.json" "$work/twin1" "$work/twin2" 2>"$work/twins.err"; code=$?
check "same output names: exit 1, the second not built, an error naming both" "[ $code -eq 1 ] && grep -q 'twin2/x.xml: error: not built: .*twin1/x.xml already has the outputs' $work/twins.err && pdftotext $work/twins/x.pdf - | grep -q 'OTAN'"
$factpress build -q -o "$work/once" --report "$work/once.json" "$work/twin1/x.xml" "$work/twin1" "$work/twin1/../twin1/x.xml"; code=$?
check "a file named three times is built once" "[ $code -eq 0 ] && python3 -c \"import json,sys; sys.exit(json.load(open('$work/once.json'))['totals']['documents'] != 1)\""

mkdir -p "$work/no-sheets"; echo "not a sheet" >"$work/no-sheets/notes.txt"
$factpress build -o "$work/none" "$work/no-sheets" 2>"$work/none.err"; code=$?
check "a folder with no .xml: exit 0 and a warning naming it" "[ $code -eq 0 ] && grep -q 'warning: no .xml files in .*no-sheets' $work/none.err"

# --report into a pipe (as into /dev/stdout): the JSON goes down the pipe, which stays a pipe.
mkfifo "$work/report.fifo"
(timeout 20 cat "$work/report.fifo" >"$work/report-from-fifo.json") & reader=$!
$factpress build -q -o "$work/out" --report "$work/report.fifo" "$work/in/good.xml" 2>/dev/null
wait $reader
check "--report into a pipe writes the JSON down it and leaves the pipe" "[ -p $work/report.fifo ] && python3 -c \"import json; json.load(open('$work/report-from-fifo.json'))\""
echo old >"$work/report-target.json"; ln -s report-target.json "$work/report-link.json"
$factpress build -q -o "$work/out" --report "$work/report-link.json" "$work/in/good.xml" 2>/dev/null
check "--report through a symbolic link replaces the file it points at, not the link" "[ -L $work/report-link.json ] && python3 -c \"import json; json.load(open('$work/report-target.json'))\""
check "an unchanged rebuild does not rewrite the manifest" "[ \$(stat -c %i $work/out/.factpress-manifest) -eq $manifest_inode ]"
cp "$tests/hostile/bad-date-day.xml" "$work/in/good.xml"
$factpress build -o "$work/out" "$work/in/good.xml" 2>/dev/null
check "failed rebuild keeps the earlier output" "[ -s $work/out/good.pdf ] && [ \$(stat -c %Y $work/out/good.pdf) -eq $before ]"
# Hidden files and folders are skipped when a folder is searched (macOS's ._ files are binary).
mkdir -p "$work/hidden/.git" "$work/hidden/__MACOSX"
cp "$tests/documents/edge-cases.xml" "$work/hidden/sheet.xml"
cp "$tests/documents/edge-cases.xml" "$work/hidden/.git/sheet-copy.xml"
printf '\0\5\26\7\0\2\0\0Mac OS X' >"$work/hidden/__MACOSX/._sheet.xml"
$factpress build -o "$work/hidden-out" "$work/hidden" 2>"$work/hidden.err"; code=$?
check "hidden files and folders skipped: exit 0, one sheet built" "[ $code -eq 0 ] && [ \$(find $work/hidden-out -name '*.pdf' | wc -l) -eq 1 ] && [ -s $work/hidden-out/sheet.pdf ]"
$factpress build -o "$work/hidden-named" "$work/hidden/.git/sheet-copy.xml" 2>/dev/null
check "a hidden file named on the command line is built" "[ -s $work/hidden-named/sheet-copy.pdf ]"
# An out-dir that is a file: bad usage, said once before any document, not once per document.
$factpress build -o "$work/a-file" "$tests/documents/edge-cases.xml" "$tests/documents/french.xml" 2>"$work/a-file.err"; code=$?
check "an out-dir that is a file: exit 2 and the reason once" "[ $code -eq 2 ] && [ \$(wc -l <$work/a-file.err) -eq 1 ] && grep -q 'a-file: it is a file, not a folder' $work/a-file.err"
# A PNG photo's rows are PNG-filtered in the PDF (/Predictor 15): a PDF reader gets back exactly
# the pixels of the file (pdfimages writes them as PPM).
mkdir -p "$work/photo/img"
python3 - "$work/photo/img/photo.png" <<'PY'
import random, struct, sys, zlib
w, h = 160, 90
random.seed(5)
rows = b''.join(b'\0' + bytes((x * 3 + y + random.randrange(9)) % 256 for x in range(w) for _ in range(3)) for y in range(h))
chunk = lambda kind, data: struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
open(sys.argv[1] + '.rgb', 'wb').write(b''.join(rows[y * (1 + 3 * w) + 1:(y + 1) * (1 + 3 * w)] for y in range(h)))
# A chart as a palette PNG (colour type 3): four colours, an index a pixel.
palette = bytes([200, 30, 30, 30, 120, 200, 250, 250, 250, 10, 10, 10])
indices = [[(x // 40 + y // 30) % 4 for x in range(w)] for y in range(h)]
chart = b''.join(b'\0' + bytes(row) for row in indices)
open(sys.argv[1].replace('photo.png', 'chart.png'), 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 3, 0, 0, 0)) + chunk(b'PLTE', palette) + chunk(b'IDAT', zlib.compress(chart)) + chunk(b'IEND', b''))
open(sys.argv[1].replace('photo.png', 'chart.png') + '.rgb', 'wb').write(b''.join(palette[3 * i:3 * i + 3] for row in indices for i in row))
for name, data in (('photo', rows), ('chart', chart)): open(sys.argv[1].replace('photo.png', name + '.idat'), 'wb').write(zlib.compress(data))
# Samples under 8 bits: a 4-bit palette chart (16 colours, two pixels a byte) and a 2-bit grey
# drawing (0, 85, 170, 255 once read; pdfimages writes it as RGB), each embedded as it is.
shades = bytes(v for i in range(16) for v in (i * 16, 255 - i * 16, (i * 40) % 256))
packed = lambda values, bits: bytes(sum(v << (8 - bits * (k + 1)) for k, v in enumerate(values[j:j + 8 // bits])) for j in range(0, len(values), 8 // bits))
pal4 = [[(x // 10 + y // 9) % 16 for x in range(w)] for y in range(h)]
grey2 = [[(x // 20 + y // 15) % 4 for x in range(w)] for y in range(h)]
for name, kind, depth, lines, extra, pixels in (
        ('pal4', 3, 4, pal4, chunk(b'PLTE', shades), b''.join(shades[3 * i:3 * i + 3] for row in pal4 for i in row)),
        ('grey2', 0, 2, grey2, b'', bytes(85 * v for row in grey2 for v in row for _ in range(3)))):
    stream = zlib.compress(b''.join(b'\0' + packed(row, depth) for row in lines))
    open(sys.argv[1].replace('photo.png', name + '.png'), 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, kind, 0, 0, 0)) + extra + chunk(b'IDAT', stream) + chunk(b'IEND', b''))
    open(sys.argv[1].replace('photo.png', name + '.idat'), 'wb').write(stream)
    open(sys.argv[1].replace('photo.png', name + '.png.rgb'), 'wb').write(pixels)
# A photo with transparency, decoded: its colours and its mask (a soft mask) read back exactly.
alpha = bytes((x * 5 + y * 3) % 256 for y in range(h) for x in range(w))
rgba = b''.join(b'\0' + bytes(v for x in range(w) for v in (*rows[y * (1 + 3 * w) + 1 + 3 * x:y * (1 + 3 * w) + 4 + 3 * x], alpha[y * w + x])) for y in range(h))
open(sys.argv[1].replace('photo.png', 'rgba.png'), 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rgba)) + chunk(b'IEND', b''))
open(sys.argv[1].replace('photo.png', 'rgba.png.alpha'), 'wb').write(bytes(v for a in alpha for v in (a, a, a)))  # as pdfimages writes a mask
# A photo whose gAMA (1.0) decoding corrects: its pixels are decoded, not embedded as they are.
gamma = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'gAMA', struct.pack('>I', 100000)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1].replace('photo.png', 'gamma.png'), 'wb').write(gamma)
PY
printf '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en"><meta><title>P</title><date>2021</date></meta><body><figure src="img/photo.png" alt="a photo"><caption>A photo</caption></figure><figure src="img/chart.png" alt="a chart"><caption>A chart</caption></figure><figure src="img/pal4.png" alt="a 4-bit chart"><caption>16 colours</caption></figure><figure src="img/grey2.png" alt="a 2-bit drawing"><caption>4 greys</caption></figure><figure src="img/gamma.png" alt="gamma 1.0"><caption>Gamma</caption></figure><figure src="img/rgba.png" alt="see-through"><caption>Transparent</caption></figure></body></factsheet>\n' >"$work/photo/photo.xml"
$factpress build -q -f pdf -o "$work/photo-out" "$work/photo/photo.xml" && pdfimages "$work/photo-out/photo.pdf" "$work/photo-out/image"
same_pixels() { python3 -c "import sys; d=open('$1','rb').read(); sys.exit(d[d.index(b'255\n') + 4:] != open('$2','rb').read())"; }
check "a PNG photo is embedded with its rows filtered, and read back pixel for pixel" "grep -aq '/Predictor 15' $work/photo-out/photo.pdf && same_pixels $work/photo-out/image-000.ppm $work/photo/img/photo.png.rgb"
check "a palette PNG is embedded as an index a pixel (/Indexed), and read back pixel for pixel" "grep -aq '/Indexed /DeviceRGB 3' $work/photo-out/photo.pdf && same_pixels $work/photo-out/image-001.ppm $work/photo/img/chart.png.rgb"
# An opaque PNG of 8 bits or fewer a sample is embedded as it is: the PDF holds its IDAT data.
holds() { python3 -c "import sys; sys.exit(open('$2','rb').read() not in open('$1','rb').read())"; }
check "PNG pixel data is embedded as it is (photo, palette chart), not decoded and deflated again" "holds $work/photo-out/photo.pdf $work/photo/img/photo.idat && holds $work/photo-out/photo.pdf $work/photo/img/chart.idat"
check "a 4-bit palette PNG is embedded as it is and read back pixel for pixel" "holds $work/photo-out/photo.pdf $work/photo/img/pal4.idat && same_pixels $work/photo-out/image-002.ppm $work/photo/img/pal4.png.rgb"
check "a 2-bit grey PNG is embedded as it is and read back pixel for pixel" "holds $work/photo-out/photo.pdf $work/photo/img/grey2.idat && same_pixels $work/photo-out/image-003.ppm $work/photo/img/grey2.png.rgb"
check "a PNG with transparency is decoded: its colours and its soft mask read back pixel for pixel" "same_pixels $work/photo-out/image-005.ppm $work/photo/img/photo.png.rgb && same_pixels $work/photo-out/image-006.ppm $work/photo/img/rgba.png.alpha"
check "a PNG whose gamma decoding corrects is decoded: its pixels are not the stored ones" "python3 -c \"import sys; sys.exit(open('$work/photo-out/image-004.ppm','rb').read().endswith(open('$work/photo/img/photo.png.rgb','rb').read()))\""
# A phone's portrait photo: its pixels stored sideways, with EXIF orientation 6 (turn a quarter
# clockwise). It stands upright in the PDF: drawn in a portrait box, the JPEG turned by the
# matrix [0 -h w 0 x y+h], not re-encoded.
python3 - "$tests/documents/img/taji-visit.jpg" "$work/photo/img/phone.jpg" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
tiff = b'MM' + struct.pack('>HIH', 42, 8, 1) + struct.pack('>HHIHH', 0x0112, 3, 1, 6, 0) + struct.pack('>I', 0)
app1 = b'Exif\0\0' + tiff
open(sys.argv[2], 'wb').write(data[:2] + b'\xff\xe1' + struct.pack('>H', len(app1) + 2) + app1 + data[2:])
PY
printf '<factsheet xmlns="urn:factpress:factsheet:1" xml:lang="en"><meta><title>P</title><date>2021</date></meta><body><figure src="img/phone.jpg" alt="a portrait" width="50%%"><caption>Upright</caption></figure></body></factsheet>\n' >"$work/photo/phone.xml"
$factpress build -q -f pdf -o "$work/phone-out" "$work/photo/phone.xml" && qpdf --qdf --object-streams=disable "$work/phone-out/phone.pdf" "$work/phone-out/phone-qdf.pdf"
check "a photo with EXIF orientation 6 is drawn upright, in a portrait box, its JPEG kept" "python3 -c \"import re,sys; m=re.search(rb'\n0 -([0-9.]+) ([0-9.]+) 0 [0-9.]+ [0-9.]+ cm\n/X[0-9]+ Do', open('$work/phone-out/phone-qdf.pdf','rb').read()); sys.exit(not (m and abs(float(m.group(1)) / float(m.group(2)) - 1.5) < 0.01))\" && pdfimages -list $work/phone-out/phone.pdf | grep -q '1200   800 .* jpeg'"
# An output that cannot be written (a PDF over the file-size limit, the briefing under it) leaves
# both earlier outputs in place: never a new briefing beside an old PDF.
# (Another SOURCE_DATE_EPOCH, so that the PDF's bytes change: the same bytes are not written again.)
SOURCE_DATE_EPOCH=1000000000 $factpress build -q -o "$work/limit" "$tests/documents/edge-cases.xml"
inodes=$(stat -c %i "$work/limit/edge-cases.pdf" "$work/limit/edge-cases.txt")
(trap '' XFSZ; ulimit -f 4; SOURCE_DATE_EPOCH=1100000000 $factpress build --force -o "$work/limit" "$tests/documents/edge-cases.xml" 2>"$work/limit.err"); code=$?
check "a PDF that cannot be written: exit 1, the reason, and neither output replaced" "[ $code -eq 1 ] && grep -q 'cannot write .*edge-cases.pdf: File too large' $work/limit.err && [ \"\$(stat -c %i $work/limit/edge-cases.pdf $work/limit/edge-cases.txt)\" = \"$inodes\" ] && [ -z \"\$(find $work/limit -name '.*.tmp-*')\" ]"

# A document over its time limit fails cleanly: a message, no output.
python3 -c "print('<factsheet xmlns=\"urn:factpress:factsheet:1\" xml:lang=\"en\"><meta><title>T</title><date>2021</date></meta><body><p>' + 'the mission assists institutions ' * 5000 + '</p></body></factsheet>')" > "$work/slow.xml"
$factpress build --timeout 0.01 -o "$work/slow" "$work/slow.xml" 2>"$work/slow.err"; code=$?
check "--timeout stops a slow document with exit 1 and no output" "[ $code -eq 1 ] && grep -q 'timeout' $work/slow.err && [ ! -e $work/slow/slow.pdf ]"

# kill -9 in the middle of a batch (as soon as the first PDF is there) leaves only whole files
# under final names.
mkdir -p "$work/many"; cp -r "$tests/documents/img" "$work/many/"
for i in $(seq 1 200); do cp "$tests/documents/every-element.xml" "$work/many/sheet$i.xml"; done
$factpress build -q -j 2 -o "$work/killed" "$work/many" & pid=$!
for _ in $(seq 1 3000); do ls "$work"/killed/*.pdf >/dev/null 2>&1 && break; sleep 0.01; done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
damaged=0; count=0
for f in "$work"/killed/*.pdf; do [ -e "$f" ] || continue; count=$((count+1)); qpdf --check "$f" >/dev/null 2>&1 || damaged=$((damaged+1)); done
check "kill -9 mid-batch: $count of 200 PDFs finished, none damaged" "[ $count -ge 1 ] && [ $count -lt 200 ] && [ $damaged -eq 0 ]"
# The sheets finished before the kill are not built again: the manifest grows as they finish.
$factpress build -q -j 2 -o "$work/killed" --report "$work/resumed.json" "$work/many" 2>/dev/null
skipped=$(python3 -c "import json; print(json.load(open('$work/resumed.json'))['totals']['up_to_date'])")
check "after kill -9, a rerun skips the $count finished sheets but a few in flight ($skipped skipped)" "[ $skipped -ge \$(($count - 4)) ] && [ $skipped -ge 1 ] && [ $skipped -le $count ] && [ \$(ls $work/killed/*.pdf | wc -l) -eq 200 ]"

# On a terminal, one progress line, redrawn a few times a second rather than once a document;
# none when stderr is not a terminal.
if command -v script >/dev/null; then
  started=$(date +%s%N)
  script -qec "$factpress build -j 2 -o $work/progress $work/many" "$work/progress.tty" >/dev/null
  tenths=$(( ($(date +%s%N) - started) / 100000000 ))
  draws=$(grep -o '\[[0-9]*/200\]' "$work/progress.tty" | wc -l)
  check "progress on a terminal: $draws draws for 200 sheets in $tenths tenths of a second, the last 200/200" "[ $draws -ge 1 ] && [ $draws -le \$(($tenths + 2)) ] && grep -q '\[200/200\] 0 failed' $work/progress.tty"
  $factpress build -j 2 --force -o "$work/progress" "$work/many" 2>"$work/progress.err"
  check "no progress line when stderr is not a terminal" "! grep -q '/200\]' $work/progress.err"
else
  echo "skipped: the progress line (no script command)"
fi

# Two shares of one batch run side by side into one out-dir, as in the README's recipe: the
# manifest keeps both shares' sheets, so a rerun skips all of them.
rm -rf "$work/shares"
$factpress build -q -j 1 --shard 1/2 -o "$work/shares" "$work/many" & first=$!
$factpress build -q -j 1 --shard 2/2 -o "$work/shares" "$work/many"; wait $first
$factpress build -q -o "$work/shares" --report "$work/shares.json" "$work/many"
check "two shares side by side, then a rerun: all 200 up to date" "python3 -c \"import json,sys; sys.exit(json.load(open('$work/shares.json'))['totals']['up_to_date'] != 200)\""

# --draft: a missing image becomes a framed placeholder with a warning, and the document succeeds.
$factpress build --draft -o "$work/draft" "$tests/hostile/figure-missing-file.xml" 2>"$work/draft.err"; code=$?
check "--draft draws a placeholder: exit 0, a located warning, a PDF" "[ $code -eq 0 ] && grep -Eq ':[0-9]+:[0-9]+: warning: .*placeholder' $work/draft.err && qpdf --check $work/draft/figure-missing-file.pdf >/dev/null"
check "--draft's placeholder names the missing file and what is wrong with it" "pdftotext $work/draft/figure-missing-file.pdf - | tr '\\n' ' ' | grep -q 'img/missing.png no such file'"

# A damaged photo shared by two sheets of a batch: its check is remembered, and still fails both.
mkdir -p "$work/shared"; cp -r "$tests/../examples/img" "$work/shared/img"
head -c 30000 "$tests/../examples/img/taji-visit.jpg" >"$work/shared/img/broken.jpg"
for n in a b; do sed 's|img/taji-visit.jpg|img/broken.jpg|' "$tests/../examples/nato-mission-iraq.xml" >"$work/shared/$n.xml"; done
cp "$tests/../examples/nato-mission-iraq.xml" "$work/shared/good.xml"
$factpress build -j 1 -o "$work/shared-out" "$work/shared" 2>"$work/shared.err"; code=$?
check "a damaged photo shared by two sheets fails both, each with a located error" "[ $code -eq 1 ] && [ \$(grep -Ec '(a|b).xml:[0-9]+:[0-9]+: error: .*damaged or truncated JPEG' $work/shared.err) -eq 2 ] && [ -s $work/shared-out/good.pdf ] && [ ! -e $work/shared-out/a.pdf ] && [ ! -e $work/shared-out/b.pdf ]"

# One sheet alone with -j 2 has its photos checked on the second core while it is laid out: the
# damaged photo must fail it exactly as the check made at once (-j 1) does, and nothing is written.
for j in 1 2; do
  $factpress build -j $j -o "$work/alone-$j" "$work/shared/a.xml" 2>"$work/alone-$j.err"; echo $? >"$work/alone-$j.code"
done
check "a lone sheet with a damaged photo fails the same with -j 1 and -j 2, writing nothing" "[ \$(cat $work/alone-1.code) -eq 1 ] && [ \$(cat $work/alone-2.code) -eq 1 ] && cmp -s $work/alone-1.err $work/alone-2.err && grep -Eq 'a.xml:[0-9]+:[0-9]+: error: .*damaged or truncated JPEG' $work/alone-2.err && [ ! -e $work/alone-2/a.pdf ] && [ ! -e $work/alone-2/a.txt ]"
check "a run where every document failed leaves no manifest" "[ ! -e $work/alone-1/.factpress-manifest ] && [ ! -e $work/alone-2/.factpress-manifest ]"

# Letter paper with -s letter.
$factpress build -q -s letter -f pdf -o "$work/letter" "$tests/documents/edge-cases.xml"
check "-s letter gives US Letter pages" "pdfinfo $work/letter/edge-cases.pdf | grep -q '612 x 792'"

# Shards cover the inputs exactly once.
for k in 1 2 3; do $factpress check -q --shard $k/3 "$tests/documents" 2>&1 | true; done
check "--shard K/N accepted" "$factpress check -q --shard 2/3 $tests/documents"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
