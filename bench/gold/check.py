"""Check an annotation file against its batch: offsets, fields, kinds."""
import json, math, sys, glob
KINDS = {"percent", "multiplier", "score", "count", "money", "duration", "rate"}
records = {}
for path in glob.glob("/work/gold-work/batch-*.jsonl"):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line); records[r["id"]] = r
errors, n_claims, n_abs = [], 0, 0
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        a = json.loads(line)
    except ValueError as e:
        errors.append(f"line {i}: not JSON: {e}"); continue
    rec = records.get(a.get("id"))
    if rec is None:
        errors.append(f"line {i}: unknown id {a.get('id')!r}"); continue
    n_abs += 1
    text = rec["abstract"]
    last = -1
    for c in a.get("claims", []):
        n_claims += 1
        s, e = c.get("start"), c.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or text[s:e] != c.get("text"):
            errors.append(f"line {i} {a['id']}: abstract[{s}:{e}]={text[s:e] if isinstance(s,int) and isinstance(e,int) else None!r} != text {c.get('text')!r}")
        if c.get("kind") not in KINDS:
            errors.append(f"line {i} {a['id']}: kind {c.get('kind')!r}")
        v = c.get("value")
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0 or math.isnan(v):
            errors.append(f"line {i} {a['id']}: value {v!r}")
        for f in ("unit", "metric", "dataset"):
            if f not in c or not (c[f] is None or isinstance(c[f], str) and c[f].strip()):
                errors.append(f"line {i} {a['id']}: field {f} missing or empty string (use null)")
        if isinstance(s, int) and s < last:
            errors.append(f"line {i} {a['id']}: claims not in text order")
        last = s if isinstance(s, int) else last
    for o in a.get("optional", []):
        s, e = o.get("start"), o.get("end")
        if not isinstance(s, int) or text[s:e] != o.get("text"):
            errors.append(f"line {i} {a['id']}: optional abstract[{s}:{e}] != {o.get('text')!r}")
print(f"{n_abs} abstracts, {n_claims} claims, {len(errors)} errors")
for e in errors[:50]:
    print("  " + e)
sys.exit(1 if errors else 0)
