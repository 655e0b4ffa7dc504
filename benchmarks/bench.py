"""`make bench`: a measurement, not a test (issue 14).

Builds the province-scale data set (management command build_province_scale) in a
database of its own, serves it with gunicorn (2 workers, DEBUG off, production settings),
and times each main page of each role interleaved with two floors through the same
middleware: a bare view, and a bare view that loads the session and the user. Prints a
table and writes var/bench/latest.json:

    {"pages": {NAME: {"p50_ms", "p95_ms", "floor_p95_ms", "ratio_p95", "bytes",
                      "queries_small", "queries_large"}},
     "exports": {NAME: {"ready_s", "ask_ms"}},
     "sweep": {"1000": {"s", "queries"}, "10000": {"s", "queries"}},
     "finalise": {"s", "queries", "results", "docx": {"s", "bytes"}},
     "pdf": {"ratio"}}

Finalising (the chair sealing every nominated registration's result) is timed in process
in a transaction rolled back afterwards: the pages measured before it and any later run
on a kept database still find the appraisal open.

PostgreSQL when DATABASE_URL points at it (the bench database is that name + "_bench",
dropped and rebuilt), otherwise SQLite under var/bench (and it says so). The figures are
only comparable within one run: ratios to the floor are the point. Exits non-zero only
when something fails to run (a page that does not answer 200 included).

    python benchmarks/bench.py [--scale 1.0] [--small-scale 0.1] [--rounds 15] [--out FILE]
    python benchmarks/bench.py --only-sweep | --only-finalise [--keep-database is implied]
"""

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# A page is sampled at most this long (but at least MIN_SAMPLES times), so that a slow
# page does not take the whole run.
PAGE_BUDGET_S = 30.0
MIN_SAMPLES = 3
WARM_UP_REQUESTS = 2


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="province scale of the large run (1.0: 150 units)")
    parser.add_argument("--small-scale", type=float, default=None, help="scale of the query-count run (default scale/10)")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds per page")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "latest.json"))
    parser.add_argument("--database-suffix", default="_bench", help="appended to DATABASE_URL's database name")
    parser.add_argument(
        "--keep-database", action="store_true", help="reuse the bench database of an earlier run (the build only adds)"
    )
    parser.add_argument("--skip-pdf", action="store_true", help="leave the PDF ratio out (null)")
    parser.add_argument(
        "--only-sweep", action="store_true", help="measure only the reminder sweep and update its figures in --out"
    )
    parser.add_argument(
        "--only-finalise", action="store_true", help="measure only finalising the results and update its figures in --out"
    )
    options = parser.parse_args(argv)
    if options.only_sweep:
        return _only(options, "sweep")
    if options.only_finalise:
        return _only(options, "finalise")
    small_scale = options.small_scale or max(options.scale / 10, 0.01)

    env = _environment(options.database_suffix, keep=options.keep_database)
    print(f"bench: {env['BENCH_DATABASE_LABEL']}", flush=True)
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "build_province_scale", "--scale", str(small_scale))

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache

    from benchmarks import measure

    cache.clear()  # the bench's own cache: nothing of an earlier run is served
    pages = measure.main_pages()
    queries_small = measure.query_counts(pages)
    _manage(env, "build_province_scale", "--scale", str(options.scale))
    queries_large = measure.query_counts(pages)
    cookies = measure.session_cookies(pages)

    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "600",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ},
    )
    # Exports are made by a Celery worker, as in production, when a broker answers.
    worker = _start_worker(env) if env["CELERY_BROKER_URL"] else None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, server)
        timings = _time_pages(base, pages, cookies, options.rounds)
        exports = {name: _time_export(base, url, cookies[user]) for name, (user, url) in measure.exports().items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)

    pdf = {"ratio": None, "pages": None} if options.skip_pdf else measure.pdf_ratio()
    result = {
        "pages": {
            name: {**timings[name], "queries_small": queries_small[name], "queries_large": queries_large[name]} for name in pages
        },
        "exports": exports,
        "sweep": measure.sweep(),
        "finalise": measure.finalise(),
        "pdf": pdf,
        "machine": {
            "database": env["BENCH_DATABASE_LABEL"],
            "tasks": "a Celery worker on Redis" if env["CELERY_BROKER_URL"] else "in the web process (no Redis answered)",
            "cache": "Redis, shared by the web workers" if env["REDIS_CACHE_URL"] else "each web worker's memory",
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "scale": options.scale,
            "small_scale": small_scale,
            "data": measure.data_size(),
        },
    }
    out = Path(options.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(_table(result))
    print(f"written: {out}")
    return 0


def _only(options, figure: str) -> int:
    """One figure alone ("sweep" or "finalise"), on the bench database as it is (built if
    missing): it replaces that of the last full run in --out."""
    env = _environment(options.database_suffix, keep=True)
    print(f"bench: {env['BENCH_DATABASE_LABEL']}", flush=True)
    _manage(env, "migrate", "--noinput", "-v", "0")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from benchmarks import measure

    measured = measure.sweep() if figure == "sweep" else measure.finalise()
    out = Path(options.out)
    result = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    result[figure] = measured
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(_sweep_lines(measured) if figure == "sweep" else [_finalise_line(measured)]))
    print(f"written: {out}")
    return 0


def _finalise_line(finalise: dict) -> str:
    docx = finalise["docx"]
    return (
        f"finalising {finalise['results']} results: {finalise['s']:.2f} s, {finalise['queries']} queries; "
        f"then the year-end report as DOCX: {docx['s']:.2f} s, {docx['bytes'] / 1024:.0f} KB"
    )


def _sweep_lines(sweep: dict) -> list[str]:
    return [f"reminder sweep, {count} recipients: {row['s']:.2f} s, {row['queries']} queries" for count, row in sweep.items()]


def _environment(suffix: str, *, keep: bool = False) -> dict:
    """Production settings (DEBUG off, not the test settings), a bench database of its
    own, the bench's floor views on, a Celery worker when Redis answers."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    env = {key: value for key, value in os.environ.items() if key not in {"DVK_TESTING", "DJANGO_SETTINGS_MODULE"}}
    if url.startswith(("postgres://", "postgresql://")):
        config = dj_database_url.parse(url)
        name = f"{config['NAME']}{suffix}"
        _recreate_postgres_database(config, name, keep=keep)
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
        env["BENCH_DATABASE_LABEL"] = f"PostgreSQL, database {name}"
    else:
        path = ROOT / "var" / "bench" / f"bench{suffix}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not keep:
            path.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
        env["BENCH_DATABASE_LABEL"] = "SQLite (DATABASE_URL does not point at PostgreSQL): figures are not the production's"
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        DVK_BENCH="1",
        SECRET_KEY="bench-only-secret-key-not-for-production-0123456789abcdef",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        CELERY_BROKER_URL=_broker_url(),
        # As production's compose file: the cache and the sessions in Redis, shared by
        # the web workers.
        REDIS_CACHE_URL=_cache_url(),
        LOG_LEVEL="ERROR",
        MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    return env


def _recreate_postgres_database(config: dict, name: str, *, keep: bool) -> None:
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"] or 5432
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if keep and cursor.fetchone():
            connection.close()
            return
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def _manage(env: dict, *args: str) -> None:
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=sys.stdout, stderr=sys.stderr)
    print(f"bench: manage.py {' '.join(args)} took {time.perf_counter() - started:.1f} s", flush=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, cookie: str | None = None) -> tuple[int, int, float]:
    """(status, body bytes, seconds)."""
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"} if cookie else {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return status, len(body), time.perf_counter() - started


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before it answered")
        try:
            if _get(base + "/bench/floor")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 60 s")


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def _time_pages(base: str, pages: dict, cookies: dict, rounds: int) -> dict:
    """Round after round, each page right after the two floors (same user), so that a
    busy moment of the machine weighs on the floor as on the page."""
    samples = {name: [] for name in pages}
    floors = {name: [] for name in pages}
    bare = []
    sizes = {}
    spent = dict.fromkeys(pages, 0.0)
    # Not counted: a server's first requests compile templates and fill caches. Twice, so
    # that both web workers are likely to have served each page once.
    for _warm_up in range(WARM_UP_REQUESTS):
        for user, url in pages.values():
            _get(base + url, cookies[user])
    for round_number in range(rounds):
        for name, (user, url) in pages.items():
            if round_number >= MIN_SAMPLES and spent[name] > PAGE_BUDGET_S:
                continue
            status, _size, seconds = _get(base + "/bench/floor")
            if status != 200:
                raise SystemExit(f"the bare view answered {status}")
            bare.append(seconds)
            status, _size, seconds = _get(base + "/bench/floor-authenticated", cookies[user])
            if status != 200:
                raise SystemExit(f"the authenticated bare view answered {status} for {user}")
            floors[name].append(seconds)
            status, size, seconds = _get(base + url, cookies[user])
            if status != 200:
                raise SystemExit(f"{name} ({url}, as {user}) answered {status}")
            samples[name].append(seconds)
            sizes[name] = size
            spent[name] += seconds
        print(f"bench: round {round_number + 1}/{rounds} done", flush=True)
    result = {}
    for name in pages:
        p95 = round(_percentile(samples[name], 0.95) * 1000, 1)
        floor = round(_percentile(floors[name], 0.95) * 1000, 1)
        result[name] = {
            "p50_ms": round(statistics.median(samples[name]) * 1000, 1),
            "p95_ms": p95,
            "floor_p95_ms": floor,
            "ratio_p95": round(p95 / floor, 2) if floor else None,
            "bytes": sizes[name],
            "samples": len(samples[name]),
        }
    result_bare = _percentile(bare, 0.95) * 1000
    for row in result.values():
        row["bare_p95_ms"] = round(result_bare, 1)
    return result


def _time_export(base: str, url: str, cookie: str) -> dict:
    """Press the export button (a POST), then read the export's page as the browser
    does until it offers the file: how long the asking request took (ask_ms) and how
    long until the file was ready (ready_s)."""
    started = time.perf_counter()
    status, location = _post(base + url, cookie)
    asked = time.perf_counter() - started
    if status != 302 or not location:
        raise SystemExit(f"export {url} answered {status}")
    while True:
        request = urllib.request.Request(base + location, headers={"Cookie": f"sessionid={cookie}", "HX-Request": "true"})
        with urllib.request.urlopen(request, timeout=600) as response:
            body = response.read().decode()
        if 'id="export-download"' in body:
            break
        if 'id="export-failed"' in body or time.perf_counter() - started > 600:
            raise SystemExit(f"export {url} was not made: {body[:300]}")
        time.sleep(0.05)  # a benchmark's poll, as the page's own (every 2 s), only finer
    return {"ready_s": round(time.perf_counter() - started, 2), "ask_ms": round(asked * 1000, 1)}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# A fixed CSRF secret for the bench's own POSTs: Django accepts it from cookie and header.
BENCH_CSRF = "benchcsrfsecret0123456789abcdefg"


def _post(url: str, cookie: str) -> tuple[int, str]:
    """(status, Location) of a POST, without following the redirect."""
    request = urllib.request.Request(
        url,
        data=b"",
        method="POST",
        headers={"Cookie": f"sessionid={cookie}; csrftoken={BENCH_CSRF}", "X-CSRFToken": BENCH_CSRF, "Referer": url},
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=600) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def _start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=WARNING", "-n", f"bench{os.getpid()}@%h"],
        cwd=ROOT,
        env=env,
    )


def _cache_url() -> str:
    """The bench's own Redis database for the cache when Redis answers (BENCH_CACHE_URL to
    choose another); otherwise none, and each web worker keeps its own cache in memory."""
    url = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14")
    return url if _answers(url) else ""


def _answers(url: str) -> bool:
    host, _, port = url.split("//", 1)[-1].split("/", 1)[0].rpartition("@")[-1].partition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=1):
            return True
    except OSError:
        return False


def _broker_url() -> str:
    """The bench's own Redis database when Redis answers (BENCH_BROKER_URL to choose
    another), otherwise none: tasks then run in the web process, and the table says so."""
    url = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/13")
    return url if _answers(url) else ""


def _table(result: dict) -> str:
    lines = [
        f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'floor p95':>9} {'ratio':>6} {'KB':>7} {'queries':>9}",
    ]
    for name, row in result["pages"].items():
        queries = f"{row['queries_small']}/{row['queries_large']}"
        lines.append(
            f"{name:<40} {row['p50_ms']:>8.0f} {row['p95_ms']:>8.0f} {row['floor_p95_ms']:>9.0f} "
            f"{row['ratio_p95']:>6.1f} {row['bytes'] / 1024:>7.0f} {queries:>9}"
        )
    for name, row in result["exports"].items():
        lines.append(f"export {name:<33} asked in {row['ask_ms']:.0f} ms, ready in {row['ready_s']:.2f} s")
    pdf = result["pdf"]
    if pdf.get("ratio") is not None:
        lines.append(
            f"PDF {pdf['pages']} pages: {pdf['product_s']:.2f} s, raw WeasyPrint {pdf['raw_s']:.2f} s, ratio {pdf['ratio']:.2f}"
        )
    lines += _sweep_lines(result["sweep"])
    lines.append(_finalise_line(result["finalise"]))
    lines.append(f"({result['machine']['database']}; {result['machine']['cpus']} CPUs; {result['machine']['data']})")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
