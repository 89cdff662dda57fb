import json, collections, os, re
rows=[json.loads(l) for l in open("qa.jsonl")]
assert len(rows)==90
ids=[r["id"] for r in rows]; assert len(set(ids))==90
c=collections.Counter(r["answerable"] for r in rows); print("answerable",c)
print("style",collections.Counter(r["style"] for r in rows))
print("type",collections.Counter(r["type"] for r in rows))
texts={f:open("texts/"+f).read() for f in os.listdir("texts")}
print("texts",len(texts))
bad=0
for r in rows:
    assert r["type"] in "person organisation place number money date yesno list open quote".split()
    assert r["style"] in ("keyword","conversational","full")
    if r["style"]=="keyword": assert r["question"]==r["question"].lower() and "?" not in r["question"], r["id"]
    if r["answerable"]:
        assert r["answers"] and r["gold"]
        for g in r["gold"]:
            t=texts[g["article"]]
            if g["passage"] not in t: print("PASSAGE MISSING",r["id"]); bad+=1
            a=r["answers"][0]
            if r["type"]!="yesno" and a not in g["passage"]: print("ANSWER MISSING",r["id"],a); bad+=1
            for v in r["answers"][1:]:
                if v not in g["passage"]: print("  variant not verbatim",r["id"],v)
    else:
        assert r["answers"]==[] and r["gold"]==[]
for f,t in texts.items():
    m=re.match(r"---\ntitle: .+\nsource: .+\ndate: 2025-\d\d-\d\d\nurl: https://example.org/\S+\n---\n",t)
    assert m,f
    n=len(t[m.end():].split()); assert 80<=n<=220,(f,n)
print("bad",bad)
