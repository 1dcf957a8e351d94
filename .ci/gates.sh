# Quality gates, sourced by .ci/run with $dyad, $data, $eval, $work and the
# gate function set. Each gate runs a scorer from ../shared/eval on dev data
# and checks a floor. Where an issue's figure is met, the floor is the
# issue's threshold (the decision uses test splits we do not have, so the dev
# figure must stay above it with margin). Where it is not met yet, the floor
# is a regression floor a little under today's dev figure, marked so below,
# and is raised to the issue's threshold when the figure gets there.

echo "== gate: tagging and parsing, UD EWT dev, gold tokenisation (issue 3)"
"$dyad" parse --in conllu --out conllu "$data/ud-ewt/en_ewt-ud-dev.conllu" > "$work/ud-dev.conllu"
python3 "$eval/ud.py" --json "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-dev.conllu" > "$work/ud-gold.json"
# Issue 3 asks UPOS 95.5, UAS 87.0, LAS 84.0, lemmas 97.0; UAS and LAS are
# regression floors until the parser reaches them.
gate ud-gold "$work/ud-gold.json" 'UPOS>=95.5' 'Lemmas>=97.0' 'UAS>=84.5' 'LAS>=81.5'

echo "== gate: raw text, UD EWT dev, one sentence per line (issue 3)"
sed -n 's/^# text = //p' "$data/ud-ewt/en_ewt-ud-dev.conllu" > "$work/ud-dev.txt"
"$dyad" parse --in text --out conllu "$work/ud-dev.txt" > "$work/ud-raw.conllu"
python3 "$eval/ud.py" --json "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-raw.conllu" > "$work/ud-raw.json"
gate ud-raw "$work/ud-raw.json" 'Words.f1>=98.5' 'Sentences.f1>=80'

echo "== gate: raw text, UD EWT dev as paragraphs, and hard-wrapped (issue 3)"
# The same text laid out as prose: each paragraph on one line, then wrapped
# at 79 columns; dyad must find the sentences itself in both.
python3 - "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-dev-par.txt" "$work/ud-dev-wrap.txt" <<'PY'
import sys, textwrap
paras, cur, new = [], [], False
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith(("# newdoc", "# newpar")):
        new = True
    elif line.startswith("# text = "):
        if new and cur:
            paras.append(" ".join(cur))
            cur = []
        new = False
        cur.append(line[9:].rstrip("\n"))
paras.append(" ".join(cur))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(paras) + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(
    textwrap.fill(p, 79, break_long_words=False, break_on_hyphens=False) for p in paras) + "\n")
PY
for layout in par wrap; do
	"$dyad" parse --in text "$work/ud-dev-$layout.txt" > "$work/ud-$layout.conllu"
	python3 "$eval/ud.py" --json "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-$layout.conllu" > "$work/ud-$layout.json"
	gate "ud-raw-$layout" "$work/ud-$layout.json" 'Words.f1>=98.5' 'Sentences.f1>=80'
done

echo "== gate: named entities, UNER EWT dev and CoNLL-2003 dev (issue 4)"
grep -v '^#' "$data/uner-ewt/en_ewt-ud-dev.iob2" | cut -f2 > "$work/uner-dev.tok"
"$dyad" ner --in conll "$work/uner-dev.tok" > "$work/uner-dev.pred"
python3 "$eval/ner.py" --json "$data/uner-ewt/en_ewt-ud-dev.iob2" "$work/uner-dev.pred" > "$work/uner.json"
# Issue 4 asks F1 80 (UNER) and 75 (CoNLL). CoNLL gates at the issue's
# threshold (dev 85.1); UNER (dev 71.4) at a regression floor until reached.
gate ner-uner "$work/uner.json" 'f1>=70.5'
"$dyad" ner --in conll "$data/conll2003/eng.testa" > "$work/conll.pred"
python3 "$eval/ner.py" --json "$data/conll2003/eng.testa" "$work/conll.pred" > "$work/conll.json"
gate ner-conll "$work/conll.json" 'f1>=75.0'

echo "== gate: quotes and speakers, PolNeAR dev (issue 5)"
python3 "$eval/polnear_to_jsonl.py" "$data/polnear/dev" > "$work/polnear-dev.jsonl"
"$dyad" extract "$work/polnear-dev.jsonl" > "$work/polnear-dev.pred.jsonl"
python3 "$eval/quotes.py" --json --gold "$data/polnear/dev" --pred "$work/polnear-dev.pred.jsonl" > "$work/quotes.json"
gate quotes "$work/quotes.json" 'recall>=70' 'precision>=75' 'speaker_accuracy>=85'

echo "== gate: events, PLOVER gold records dev (issue 6)"
python3 "$eval/plover_to_jsonl.py" "$data/events/plover-gsr-dev.json" > "$work/plover-dev.jsonl"
"$dyad" extract "$work/plover-dev.jsonl" > "$work/plover-dev.pred.jsonl"
python3 "$eval/events.py" --json --gold "$data/events/plover-gsr-dev.json" --pred "$work/plover-dev.pred.jsonl" > "$work/events.json"
gate events "$work/events.json" 'category_recall>=0.55' 'category_source_recall>=0.45' 'event_precision>=0.70'
