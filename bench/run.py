#!/usr/bin/env python3
"""Issue 5's benchmark: prints, in one run, the seed sheet in its own process, 1,000 sheets in one
process with -j 1 and -j 2, the bare libharu floor writing the same text, photos and font, the
ratios between them, and peak memory for 1 and for 1,000 sheets. Alongside, -j 1 and -j 2 writing
to a file system in memory (/dev/shm), to tell how far rendering scales from what writing to this
disk costs. A benchmark, not a test: it prints figures and checks nothing.
usage: bench/run.py [--sheets N]   (builds build-release)"""
import os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sheets = int(sys.argv[sys.argv.index('--sheets') + 1]) if '--sheets' in sys.argv else 1000
build = os.path.join(root, 'build-release')
subprocess.run(['cmake', '-S', root, '-B', build, '-DCMAKE_BUILD_TYPE=Release'], check=True, capture_output=True)
subprocess.run(['cmake', '--build', build, '-j2', '--target', 'factpress', 'bench_floor'], check=True, capture_output=True)
factpress, floor = os.path.join(build, 'factpress'), os.path.join(build, 'bench_floor')
epochs = iter(range(1700000000, 1800000000, 86400))

def env_of(epoch):
    """Every build gets a SOURCE_DATE_EPOCH of its own, so that every one of its PDFs differs from
    the one it replaces: factpress leaves a file alone that already holds the bytes it would write,
    and a rebuild to the same bytes would measure no writing at all (as after a style change,
    every output is new)."""
    return dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))

def timed(cmd, epoch=None):
    """Wall seconds and peak resident memory (KB) of one command, from the kernel's accounting of
    the child itself (wait4): a wrapper such as /usr/bin/time would add its own start, about 5 ms.
    Every command starts with the disk idle (os.sync first): else a lone sheet's two fsyncs wait
    behind the writeback of the thousands of files the previous batch left dirty."""
    os.sync()
    with tempfile.TemporaryFile() as errors:
        start = time.monotonic()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env=env_of(epoch or next(epochs)))
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        if child.returncode != 0:
            errors.seek(0)
            sys.exit(f'failed: {" ".join(cmd)}\n{errors.read().decode()[-500:]}')
    return seconds, usage.ru_maxrss

with tempfile.TemporaryDirectory() as work:
    src = os.path.join(work, 'sheets')
    shutil.copytree(os.path.join(root, 'examples', 'img'), os.path.join(src, 'img'))
    seed = os.path.join(root, 'examples', 'nato-mission-iraq.xml')
    for i in range(sheets): shutil.copy(seed, os.path.join(src, f'sheet{i:04d}.xml'))
    one = os.path.join(src, 'sheet0000.xml')
    # The same sheets in two halves, for two separate processes side by side: how much two cores
    # of this machine give for work that shares nothing (the ceiling for -j 2 over -j 1).
    halves = [os.path.join(work, f'half{h}') for h in (0, 1)]
    for h, half in enumerate(halves):
        shutil.copytree(os.path.join(src, 'img'), os.path.join(half, 'img'))
        for i in range(h, sheets, 2): shutil.copy(seed, os.path.join(half, f'sheet{i:04d}.xml'))

    def side_by_side():
        """Wall seconds until both halves are built, each by its own process with -j 1."""
        os.sync()
        start = time.monotonic()
        epoch = next(epochs)
        children = [subprocess.Popen([factpress, 'build', '-q', '--force', '-j', '1', '-o', half + '-out', half],
                                     stdout=subprocess.DEVNULL, env=env_of(epoch)) for half in halves]
        if any(c.wait() != 0 for c in children): sys.exit('failed: the two halves side by side')
        return time.monotonic() - start, 0

    # The same batches written to a file system in memory, where there is one: no disk writes,
    # flushes nor discards, whose kernel work -j 1 gets done on the idle core.
    in_memory = None
    if any(line.split()[1:3] == ['/dev/shm', 'tmpfs'] for line in open('/proc/mounts')) and os.access('/dev/shm', os.W_OK):
        in_memory = tempfile.mkdtemp(prefix='factpress-bench-', dir='/dev/shm')

    # This machine's speed drifts by tens of percent within a minute: every measure is taken in
    # six interleaved rounds (the lone sheet and a bare process start 7 times in each); each
    # figure is the median of its runs, and a ratio the median of the rounds' own ratios (the two
    # runs of a round are seconds apart, so drift cancels out more than between medians). Every
    # other round runs -j 2 before -j 1, so a drift within rounds favours neither.
    lone = lambda: timed([factpress, 'build', '-q', '--force', '-o', os.path.join(work, 'one'), one])
    start = lambda: timed(['/bin/true'])
    text = os.path.join(work, 'seed.txt')
    subprocess.run([factpress, 'build', '-q', '-f', 'txt', '-o', work, seed], check=True)
    os.makedirs(os.path.join(work, 'floor'))
    images = sorted(os.path.join(root, 'examples', 'img', f) for f in os.listdir(os.path.join(root, 'examples', 'img')))
    rounds = {'j1': [], 'j2': [], 'floor': [], 'one': [], 'start': [], 'halves': [], 'mem1': [], 'mem2': []}
    for r in range(6):
        for _ in range(7):
            rounds['one'].append(lone())
            rounds['start'].append(start())
        for j in ((1, 2) if r % 2 == 0 else (2, 1)):
            epoch = next(epochs)
            if j == 2: last_j2 = epoch
            rounds[f'j{j}'].append(timed([factpress, 'build', '-q', '--force', '-j', str(j), '-o', os.path.join(work, f'j{j}'), src], epoch))
        rounds['halves'].append(side_by_side())
        if in_memory:
            for j in ((1, 2) if r % 2 == 0 else (2, 1)):
                rounds[f'mem{j}'].append(timed([factpress, 'build', '-q', '--force', '-j', str(j), '-o', os.path.join(in_memory, f'j{j}'), src]))
        rounds['floor'].append(timed([floor, os.path.join(work, 'nato-mission-iraq.txt'), os.path.join(work, 'floor'), str(sheets)] + images))
    median = lambda key: (statistics.median(s for s, _ in rounds[key]), max(m for _, m in rounds[key]))
    (j1, j1_rss), (j2, j2_rss), (fl, fl_rss) = median('j1'), median('j2'), median('floor')
    (single, single_rss), (bare, _), (halves_time, _) = median('one'), median('start'), median('halves')
    again, _ = timed([factpress, 'build', '-q', '-j', '2', '-o', os.path.join(work, 'j2'), src], last_j2)
    if in_memory: shutil.rmtree(in_memory)

def paired(slow, fast):
    """The median of the rounds' ratios slow / fast, and each round's."""
    ratios = [a / b for (a, _), (b, _) in zip(rounds[slow], rounds[fast])]
    return statistics.median(ratios), ' '.join(f'{r:.2f}' for r in ratios)

print(f'factpress benchmark, seed sheet (2 pages, 4 photos), {os.cpu_count()} cores, release build, medians of 6 interleaved rounds')
print(f'  one sheet in its own process (PDF + briefing): {single * 1000:7.1f} ms   peak {single_rss / 1024:6.1f} MB')
print(f'    (a bare process start, /bin/true, meanwhile: {bare * 1000:5.1f} ms: how fast the machine was)')
print(f'  {sheets} sheets, one process, -j 1:         {j1 * 1000 / sheets:7.1f} ms/sheet  peak {j1_rss / 1024:6.1f} MB')
print(f'  {sheets} sheets, one process, -j 2:         {j2 * 1000 / sheets:7.1f} ms/sheet  peak {j2_rss / 1024:6.1f} MB')
print(f'  {sheets} sheets again, unchanged (skipped):  {again * 1000 / sheets:7.1f} ms/sheet')
print(f'  floor: bare libharu, same text, photos, font: {fl * 1000 / sheets:7.1f} ms/sheet  peak {fl_rss / 1024:6.1f} MB')
print(f'  two processes side by side, -j 1, half the sheets each: {halves_time * 1000 / sheets:5.1f} ms/sheet, '
      f'{paired("j1", "halves")[0]:.2f}x one process -j 1 (what two cores give here)')
scaling, each_round = paired('j1', 'j2')
print(f'  ratios: -j 1 / floor {j1 / fl:.2f}x   throughput -j 2 / -j 1 {scaling:.2f}x (rounds: {each_round})   '
      f'unchanged rerun {j2 / again:.1f}x faster   memory {sheets} / 1 sheet {j1_rss / single_rss:.2f}x')
if in_memory:
    (m1, _), (m2, _) = median('mem1'), median('mem2')
    scaling, each_round = paired('mem1', 'mem2')
    print(f'  outputs in memory (/dev/shm), not on disk: -j 1 {m1 * 1000 / sheets:.1f} ms/sheet, -j 2 {m2 * 1000 / sheets:.1f} ms/sheet, '
          f'-j 2 / -j 1 {scaling:.2f}x (rounds: {each_round})')
