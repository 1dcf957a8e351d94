# Quality gates, sourced by .ci/run with $dyad, $data, $eval, $work and the
# gate function set. Each gate runs a scorer from ../shared/eval on dev data
# and checks the floors its issue sets (the decisions use test splits we do
# not have, so dev figures must stay above these with margin).

echo "== gate: tagging and parsing, UD EWT dev, gold tokenisation (issue 3)"
"$dyad" parse --in conllu --out conllu "$data/ud-ewt/en_ewt-ud-dev.conllu" > "$work/ud-dev.conllu"
python3 "$eval/ud.py" --json "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-dev.conllu" > "$work/ud-gold.json"
gate ud-gold "$work/ud-gold.json" 'UPOS>=95.5' 'UAS>=87.0' 'LAS>=84.0' 'Lemmas>=97.0'

echo "== gate: raw text, UD EWT dev, one sentence per line (issue 3)"
sed -n 's/^# text = //p' "$data/ud-ewt/en_ewt-ud-dev.conllu" > "$work/ud-dev.txt"
"$dyad" parse --in text --out conllu "$work/ud-dev.txt" > "$work/ud-raw.conllu"
python3 "$eval/ud.py" --json "$data/ud-ewt/en_ewt-ud-dev.conllu" "$work/ud-raw.conllu" > "$work/ud-raw.json"
gate ud-raw "$work/ud-raw.json" 'Words.f1>=98.5' 'Sentences.f1>=80'

echo "== gate: named entities, UNER EWT dev and CoNLL-2003 dev (issue 4)"
grep -v '^#' "$data/uner-ewt/en_ewt-ud-dev.iob2" | cut -f2 > "$work/uner-dev.tok"
"$dyad" ner --in conll "$work/uner-dev.tok" > "$work/uner-dev.pred"
python3 "$eval/ner.py" --json "$data/uner-ewt/en_ewt-ud-dev.iob2" "$work/uner-dev.pred" > "$work/uner.json"
gate ner-uner "$work/uner.json" 'f1>=80'
"$dyad" ner --in conll "$data/conll2003/eng.testa" > "$work/conll.pred"
python3 "$eval/ner.py" --json "$data/conll2003/eng.testa" "$work/conll.pred" > "$work/conll.json"
gate ner-conll "$work/conll.json" 'f1>=75'
