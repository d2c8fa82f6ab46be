"""The JSON Schemas of schemas/ (written by `bansou schema`) against the sample content, with a
real validator, PyPI check-jsonschema (issue 10, "The authoring loop").

Every YAML file under Content/ names its schema in its first line
(`# yaml-language-server: $schema=<relative path>`), as an editor reads it; the front matter
of each story and page is extracted and checked against case.schema.json / page.schema.json.
The schemas must also refuse mistakes: an unknown key, and an id that is not in the guidance.
That the committed schemas equal what `bansou schema` writes now is checked by the Swift suite
(AuthoringTests), so they cannot go stale.
"""
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import REPO, note

CONTENT = REPO / "Content"
SCHEMAS = REPO / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def check(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    """check-jsonschema on the given instance files (YAML), date formats checked."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=300)


def front_matter(markdown: Path) -> str:
    text = markdown.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    match = re.match(r"---\n(.*?)\n---[ \t]*\n", text, re.S)
    assert match, f"{markdown}: no front matter"
    return match.group(1) + "\n"


def schema_named_by(path: Path) -> Path:
    first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{path.relative_to(REPO)}: the first line must name its schema (# yaml-language-server: $schema=…), found {first!r}"
    schema = (path.parent / match.group(1)).resolve()
    assert schema.is_file(), f"{path.relative_to(REPO)} names {match.group(1)}, which does not exist"
    return schema


def test_the_schemas_are_valid_draft_2020_12_schemas():
    schemas = sorted(SCHEMAS.rglob("*.schema.json"))
    assert len(schemas) >= 17, schemas
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--check-metaschema", *map(str, schemas)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_sample_yaml_file_names_its_schema_and_passes_it():
    by_schema = defaultdict(list)
    files = sorted(p for p in CONTENT.rglob("*.yaml"))
    for path in files:
        by_schema[schema_named_by(path)].append(path)
    # Each kind names the schema of its kind.
    kinds = {p.relative_to(CONTENT).parts[0] if len(p.relative_to(CONTENT).parts) > 1 else p.stem for p in files}
    assert {"site", "guidance", "clients", "partners", "staff", "referrals", "institution"} <= kinds, kinds
    for path in files:
        relative = path.relative_to(CONTENT)
        expected = {"clients": "client", "partners": "partner", "staff": "staff", "referrals": "referral",
                    "institution.yaml": "institution"}.get(relative.parts[0])
        if expected:
            assert schema_named_by(path).name == f"{expected}.schema.json", relative
        elif relative.parts[0] == "guidance":
            assert schema_named_by(path) == (SCHEMAS / "guidance" / f"{path.stem}.schema.json").resolve(), relative
    for schema, paths in by_schema.items():
        result = check(schema, paths)
        assert result.returncode == 0, f"{schema.name}:\n{result.stdout}{result.stderr}"
    note(f"check-jsonschema: {len(files)} YAML files of Content/ pass the schema they name")


@pytest.mark.parametrize("folder, schema", [("cases", "case.schema.json"), ("pages", "page.schema.json")])
def test_every_front_matter_passes_its_schema(tmp_path, folder, schema):
    stories = sorted((CONTENT / folder).glob("*.md"))
    assert stories, folder
    extracted = []
    for story in stories:
        target = tmp_path / f"{story.stem}.yaml"
        target.write_text(front_matter(story), encoding="utf-8")
        extracted.append(target)
    result = check(SCHEMAS / schema, extracted)
    assert result.returncode == 0, result.stdout + result.stderr
    note(f"check-jsonschema: {len(extracted)} front matters of Content/{folder}/ pass {schema}")


def test_the_schemas_refuse_an_unknown_key_and_a_wrong_id(tmp_path):
    client = (CONTENT / "clients" / "yamada-seiko.yaml").read_text(encoding="utf-8")
    unknown_key = tmp_path / "unknown-key.yaml"
    unknown_key.write_text(client + "colour: blue\n", encoding="utf-8")
    wrong_enum = tmp_path / "wrong-enum.yaml"
    wrong_enum.write_text(client.replace("need_layer: latent", "need_layer: lattent"), encoding="utf-8")
    assert "need_layer: lattent" in wrong_enum.read_text(encoding="utf-8")
    schema = SCHEMAS / "client.schema.json"
    result = check(schema, [unknown_key])
    assert result.returncode == 1 and "colour" in result.stdout, result.stdout
    result = check(schema, [wrong_enum])
    assert result.returncode == 1 and "lattent" in result.stdout, result.stdout

    story = front_matter(CONTENT / "cases" / "fax-to-cloud-ordering.md")
    bad_industry = tmp_path / "bad-industry.yaml"
    bad_industry.write_text(re.sub(r"(?m)^industry: .*$", "industry: manufactoring", story), encoding="utf-8")
    result = check(SCHEMAS / "case.schema.json", [bad_industry])
    assert result.returncode == 1 and "manufactoring" in result.stdout, result.stdout
    # The unchanged copies pass: each failure above comes from its one change.
    good_client, good_story = tmp_path / "good-client.yaml", tmp_path / "good-story.yaml"
    good_client.write_text(client, encoding="utf-8")
    good_story.write_text(story, encoding="utf-8")
    assert check(schema, [good_client]).returncode == 0
    assert check(SCHEMAS / "case.schema.json", [good_story]).returncode == 0
