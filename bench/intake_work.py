"""The work of the intake benchmark (bench/intake.py), each part run in its own process.

- `prepare`: migrate the throw-away database, load the demo province and catalogue (demo services, without the
  demo dossiers), give each desk officer used an API token, and describe the receptions to make.
- `reception_worker`: submit + receive through `dossiers.services` in a loop, one transaction each as in
  production (each service opens its own), after a warm-up, between two barriers; it also reads the CPU
  time of its PostgreSQL server process (/proc: the server runs on the same machine).
- `load_generator`: a pool of threads, each with its own keep-alive `http.client` connection (reopened when
  the server closes it), sending one request after another until the shared budget is spent.
"""

import http.client
import json
import os
import random
import threading
import time
from datetime import date

# The receptions: (procedure, receiving agency) pairs of the demo, at the desks of the wards and the centre.
PROCEDURES = ["2.000815", "1.001193", "1.001612", "1.004222", "2.000884"]
AGENCIES = [
    "000.01.00.H34",
    "000.02.00.H34",
    "000.03.00.H34",
    "000.04.00.H34",
    "000.05.00.H34",
    "000.06.00.H34",
    "000.07.00.H34",
]
WARM_UP = 30


def _django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def prepare(env: dict) -> dict:
    """Migrate, load the demo province and catalogue; return one template per (procedure, agency), and
    applicants for the HTTP part."""
    _django(env)
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from motcua.catalog.selectors import current_version
    from motcua.demo import province
    from motcua.demo.services import load_demo_data
    from motcua.org.models import Membership, Role

    call_command("migrate", verbosity=0, interactive=False)
    load_demo_data()
    desks = {
        m.agency.code: m.user
        for m in Membership.objects.filter(
            role=Role.DESK_OFFICER, user__username__in=[a.username for a in province.accounts()]
        ).select_related("user", "agency")
    }
    templates = []
    for index, agency in enumerate(AGENCIES):
        token, _ = Token.objects.get_or_create(user=desks[agency])
        for code in PROCEDURES[index % 2 :] + PROCEDURES[: index % 2]:
            version = current_version(code)
            documents = [
                {"order": doc.order, "id": doc.pk, "name": doc.name}
                for doc in version.documents.order_by("order")
                if doc.required
            ]
            templates.append(
                {"procedure": code, "agency": agency, "token": token.key, "documents": documents}
            )
    return {"templates": templates, "applicants": applicants(7, date.today(), AGENCIES, 500)}


def applicants(seed: int, today: date, agencies: list[str], count: int) -> list[dict]:
    """Realistic applicants (the demo's generator), as plain data for both the services and the API."""
    from motcua.demo import people

    rng = random.Random(seed)
    found = []
    for index in range(count):
        applicant = people.person(rng, agencies[index % len(agencies)], today)
        found.append(
            {
                "name": applicant.name,
                "id_number": applicant.id_number,
                "birth_date": applicant.birth_date.isoformat(),
                "address": applicant.address,
                "phone": applicant.phone,
                "email": applicant.email,
            }
        )
    return found


def reception_worker(env: dict, templates: list[dict], offset: int, count: int, barrier, results) -> None:
    """`count` receptions (submit, then receive) through the services; report (count, start, end, CPU
    seconds of this process, queries per reception counted during the warm-up, CPU seconds of its
    PostgreSQL server process or None)."""
    _django(env)
    from datetime import date as day

    from motcua.catalog.selectors import current_version
    from motcua.dossiers import services
    from motcua.org.models import Agency, Membership, Role

    agencies = {a.code: a for a in Agency.objects.filter(code__in=AGENCIES).select_related("kind")}
    desks = {
        m.agency.code: m.user
        for m in Membership.objects.filter(role=Role.DESK_OFFICER, agency__code__in=AGENCIES).select_related(
            "user", "agency"
        )
    }
    versions = {code: current_version(code) for code in PROCEDURES}
    people = applicants(1000 + offset, day.today(), AGENCIES, 500)

    def intake(number: int):
        template = templates[(offset + number) % len(templates)]
        person = dict(people[number % len(people)])
        person["birth_date"] = day.fromisoformat(person["birth_date"])
        documents = [
            services.ReceivedDocument(doc["name"], required_document_id=doc["id"])
            for doc in template["documents"]
        ]
        agency = agencies[template["agency"]]
        return (
            services.Intake(
                versions[template["procedure"]], agency, "direct", services.Applicant(**person), documents
            ),
            desks[template["agency"]],
        )

    def receive_one(number: int) -> None:
        made, desk = intake(number)
        services.receive(services.submit(made, desk), desk)

    from django.db import connection

    backend = _backend_cpu(connection)
    queries = []
    for number in range(WARM_UP):
        with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
            receive_one(number)
    barrier.wait()
    began, cpu, server = time.perf_counter(), time.process_time(), backend()
    for number in range(WARM_UP, WARM_UP + count):
        receive_one(number)
    ended, cpu, server_now = time.perf_counter(), time.process_time() - cpu, backend()
    server = None if server is None or server_now is None else server_now - server
    barrier.wait()
    results.put((count, began, ended, cpu, len(queries) / WARM_UP, server))


def _backend_cpu(connection):
    """A function giving the CPU seconds used so far by this process's PostgreSQL server process (same
    machine: /proc), or None where that cannot be read."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float | None:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    return read


class _Budget:
    """The shared count of jobs left, and what the threads measured."""

    def __init__(self, jobs: int) -> None:
        self.lock = threading.Lock()
        self.next = 0
        self.jobs = jobs
        self.latencies: list[float] = []
        self.failures: list[str] = []

    def take(self) -> int | None:
        with self.lock:
            if self.next >= self.jobs:
                return None
            self.next += 1
            return self.next - 1


def _send(connection, method: str, path: str, body: bytes | None, headers: dict) -> tuple[int, bytes]:
    for attempt in (1, 2):
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            connection.close()  # the server closed the kept-alive connection: reopen once
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def load_generator(host: str, port: int, kind: str, jobs: int, threads: int, plan: dict, results) -> None:
    """Drive the server: `kind` "trivial" (GET /bench/ping/), "api" (POST a dossier, then receive it, with
    `Prefer: return=minimal`) or "api-detail" (the same, answered with the whole detail).

    Reports (jobs done, requests made, seconds, sorted request latencies, failures)."""
    budget = _Budget(jobs)
    templates, people = plan.get("templates", []), plan.get("applicants", [])

    def work() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=60)
        while (job := budget.take()) is not None:
            try:
                if kind == "trivial":
                    began = time.perf_counter()
                    status, _body = _send(connection, "GET", "/bench/ping/", None, {})
                    done = [(status, 200, time.perf_counter() - began)]
                else:
                    template, person = templates[job % len(templates)], people[job % len(people)]
                    done = _reception(connection, template, person, minimal=kind == "api")
            except Exception as error:  # reported at the end, not hidden
                with budget.lock:
                    budget.failures.append(repr(error))
                connection.close()
                continue
            with budget.lock:
                for status, expected, seconds in done:
                    budget.latencies.append(seconds)
                    if status != expected:
                        budget.failures.append(f"HTTP {status} (expected {expected})")

    pool = [threading.Thread(target=work) for _ in range(threads)]
    began = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    seconds = time.perf_counter() - began
    results.put((jobs, len(budget.latencies), seconds, sorted(budget.latencies), budget.failures[:5]))


def _reception(connection, template: dict, person: dict, minimal: bool) -> list[tuple[int, int, float]]:
    """Submit, then receive. `minimal`: as a desk system that records receptions asks, the answers are the
    dossier's list row (`Prefer: return=minimal`), not its whole detail."""
    headers = {"Authorization": f"Token {template['token']}", "Content-Type": "application/json"}
    if minimal:
        headers["Prefer"] = "return=minimal"
    body = {
        "procedure": template["procedure"],
        "receiving_agency": template["agency"],
        "channel": "direct",
        "applicant": person,
        "documents": [
            {"name": doc["name"], "required_document": doc["order"]} for doc in template["documents"]
        ],
    }
    began = time.perf_counter()
    status, answer = _send(connection, "POST", "/api/v1/dossiers/", json.dumps(body).encode(), headers)
    submitted = time.perf_counter()
    if status != 201:
        return [(status, 201, submitted - began)]
    code = json.loads(answer)["code"]
    status_2, _answer = _send(connection, "POST", f"/api/v1/dossiers/{code}/receive/", b"{}", headers)
    return [(status, 201, submitted - began), (status_2, 200, time.perf_counter() - submitted)]
