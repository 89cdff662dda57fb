import json, os, re, collections

base = os.path.dirname(os.path.abspath(__file__))
tdir = os.path.join(base, "texts")
errors = []

files = sorted(os.listdir(tdir))
bodies = {}
fm = re.compile(r"^---\ntitle: .+\nsource: .+\ndate: 2025-\d\d-\d\d\nurl: https://example\.org/[a-z0-9-]+\n---\n(.+)$", re.S)
for fn in files:
    txt = open(os.path.join(tdir, fn), encoding="utf-8").read()
    m = fm.match(txt)
    if not m:
        errors.append(f"bad front matter {fn}")
        continue
    bodies[fn] = m.group(1)
    wc = len(m.group(1).split())
    if not 80 <= wc <= 220:
        errors.append(f"{fn} word count {wc}")

rows = [json.loads(l) for l in open(os.path.join(base, "qa.jsonl"), encoding="utf-8")]
keys = ["id", "type", "style", "question", "answerable", "answers", "gold", "note"]
types = {"person", "organisation", "place", "number", "money", "date", "yesno", "list", "open", "quote"}
styles = {"keyword", "conversational", "full"}
ids = set()
for r in rows:
    if list(r.keys()) != keys:
        errors.append(f"{r.get('id')} keys {list(r.keys())}")
    if r["id"] in ids:
        errors.append(f"dup id {r['id']}")
    ids.add(r["id"])
    if r["type"] not in types or r["style"] not in styles:
        errors.append(f"{r['id']} bad type/style")
    if r["style"] == "keyword" and (r["question"] != r["question"].lower() or "?" in r["question"]):
        errors.append(f"{r['id']} keyword style not lowercase/no-?")
    if r["answerable"]:
        if not r["answers"] or not r["gold"]:
            errors.append(f"{r['id']} answerable but empty")
        for g in r["gold"]:
            body = bodies.get(g["article"])
            if body is None:
                errors.append(f"{r['id']} missing article {g['article']}")
                continue
            if g["passage"] not in body:
                errors.append(f"{r['id']} passage not in {g['article']}")
        if r["type"] == "yesno":
            if r["answers"] not in (["Yes"], ["No"]):
                errors.append(f"{r['id']} yesno answer")
        else:
            for a in r["answers"]:
                if not any(a in g["passage"] for g in r["gold"]):
                    errors.append(f"{r['id']} answer '{a}' not in passage")
    else:
        if r["answers"] or r["gold"]:
            errors.append(f"{r['id']} unanswerable but non-empty")

print("texts:", len(files))
print("questions:", len(rows))
print("answerable:", sum(r["answerable"] for r in rows), "unanswerable:", sum(not r["answerable"] for r in rows))
print("styles:", dict(collections.Counter(r["style"] for r in rows)))
print("types:", dict(collections.Counter(r["type"] for r in rows)))
print("articles used as gold:", len({g["article"] for r in rows for g in r["gold"]}))
print("ERRORS:" if errors else "OK", *errors, sep="\n")
