package events

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-news/dyad/internal/doc"
	"github.com/google/go-cmp/cmp"
)

// The published date of the test sentences: Monday 31 March 2025.
const pub = "2025-03-31"

// events returns the events of text in the canonical form of format.
func events(t *testing.T, text string) (*doc.Doc, []string) {
	t.Helper()
	d := loadUpstream(t).analyse(t, text, pub)
	var out []string
	for _, e := range d.Events {
		out = append(out, format(d, e))
	}
	return d, out
}

type golden struct {
	name string
	text string
	want []string // "CODE SOURCES>TARGETS trigger [neg] [hyp]"
}

func runGolden(t *testing.T, cases []golden) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			d, got := events(t, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nevents (-want +got):\n%s\nparse:\n%s", tt.text, diff, dump(d))
			}
		})
	}
}

// TestRoots codes one or more sentences for every CAMEO root, 01 to 20.
func TestRoots(t *testing.T) {
	runGolden(t, []golden{
		{"01 deny responsibility", "Iran denied responsibility for the attack on the tanker.", []string{"016 IRN> denied"}},
		{"02 appeal", "Brazil appealed to Argentina for economic aid.", []string{"0231 BRA>ARG appealed"}},
		{"03 agree to provide aid", "Japan agreed to provide humanitarian aid to Indonesia.", []string{"033 JPN>IDN agreed hyp"}},
		{"03 pledge", "Japan pledged to help Indonesia.", []string{"033 JPN>IDN pledged hyp"}},
		{"03 agree to share intelligence", "Canada and Mexico agreed to share intelligence on drug cartels.", []string{"0314 CAN,MEX> agreed hyp"}},
		{"04 meet", "The Indian prime minister met the Chinese foreign minister in Beijing.", []string{"040 INDGOV>CHNGOV met"}},
		{"04 host", "The Iranian president received the Iraqi foreign minister in Tehran.", []string{"043 IRNGOV>IRQGOV received"}},
		{"05 praise", "Germany praised Poland for its response to the floods.", []string{"051 DEU>POL praised"}},
		{"05 sign", "Spain signed a trade agreement with Morocco on Friday.", []string{"057 ESP>MAR signed"}},
		{"06 share intelligence", "Mexico shared intelligence with Canada.", []string{"064 MEX>CAN shared"}},
		{"06 work with", "Chile is working with Peru on the border crossings.", []string{"060 CHL>PER working"}},
		{"07 send food", "Norway sent food and medicine to Sudan.", []string{"073 NOR>SDN sent"}},
		{"08 release", "The rebels released three Chadian hostages.", []string{"0841 ?>TCDCVL released"}},
		{"08 withdraw", "Israel withdrew its troops from Lebanon.", []string{"087 ISR>LBN withdrew"}},
		{"09 investigate", "Turkey launched an investigation into the killing of a Saudi journalist.", []string{"090 TUR>SAUMED launched"}},
		{"10 demand withdrawal", "Iran demanded the withdrawal of American troops from Iraq.", []string{"1056 IRN>USAMIL demanded"}},
		{"10 urge to release", "France urged Russia to release the prisoners.", []string{"1053 FRA>RUS urged"}},
		{"11 accuse", "China accused Japan of provoking tensions in the region.", []string{"112 CHN>JPN accused"}},
		{"11 national officials criticise", "Hungarian officials criticised the European Commission.", []string{"111 HUNGOV>IGOEUREEC criticised"}},
		{"12 reject proposal", "Pakistan rejected India's proposal for talks.", []string{"127 PAK>IND rejected"}},
		{"13 threaten to cut", "Russia threatened to cut gas supplies to Ukraine.", []string{"1312 RUS>UKR threatened hyp"}},
		{"14 protest", "Thousands of students protested against the Serbian government in Belgrade.", []string{"140 SRB>SRBGOV protested"}},
		{"15 deploy", "Egypt deployed troops along its border with Libya.", []string{"154 EGY> deployed"}},
		{"16 impose sanctions", "The United States imposed sanctions on Venezuela.", []string{"163 USA>VEN imposed"}},
		{"17 arrest", "Kenyan police arrested five Somali nationals.", []string{"173 KENCOP>SOM arrested"}},
		{"18 kidnap", "Gunmen kidnapped two Nigerian aid workers.", []string{"181 ?>NGANGO kidnapped"}},
		{"19 shell", "Syrian troops shelled the town of Idlib.", []string{"194 SYRMIL>SYR shelled"}},
		{"19 invade", "Russian troops invaded Ukraine in February.", []string{"190 RUSMIL>UKR invaded"}},
		{"19 attack positions", "Russian troops attacked Ukrainian positions.", []string{"190 RUSMIL>UKR attacked"}},
		{"20 massacre", "Serbian forces carried out a massacre of Bosnian civilians.", []string{"202 SRBMIL>BIHCVL massacre"}},
	})
}

// TestCompoundActors keeps every member of a coordinated actor.
func TestCompoundActors(t *testing.T) {
	runGolden(t, []golden{
		{"three countries", "The UK, France and Ukraine condemned the attack.", []string{"111 GBR,FRA,UKR> condemned"}},
		{"shared noun", "Senior Hungarian and Romanian officials agreed to cooperate on border security.", []string{"031 HUNGOV,ROUGOV> agreed hyp"}},
		{"coordinated target", "Britain would work with France and Ukraine on a peace plan.", []string{"031 GBR>FRA,UKR work hyp"}},
		{"two signatories", "Israel and Jordan signed a peace treaty.", []string{"057 ISR,JOR> signed"}},
	})
}

// TestSenses tells the readings of one verb apart by what it acts on.
func TestSenses(t *testing.T) {
	runGolden(t, []golden{
		{"strike a deal", "Britain struck a trade deal with India.", []string{"057 GBR>IND struck"}},
		{"verbal attack", "The Conservative Party attacked Tony Blair's record on crime.", []string{"111 GBRPTY>GBRELI attacked"}},
		{"agree on a ceasefire", "Hungary and Slovakia agreed on a ceasefire.", []string{"037 HUN,SVK> agreed hyp"}},
		{"hit a target", "The British government hit its inflation target.", nil},
		{"launch a verbal attack", "The Hungarian prime minister launched an attack on the Commission's migration plans.", []string{"111 HUNGOV> attack"}},
		{"launch an attack", "Hamas launched an attack on Israel.", []string{"190 PSEREB>ISR attack"}},
		{"strike a place", "Russia struck Kyiv overnight.", []string{"190 RUS>UKR struck"}},
		{"workers strike", "Thousands of French workers struck on Tuesday.", []string{"143 FRALAB> struck"}},
	})
}

// TestModality codes the same event asserted, denied, conditional,
// threatened, announced and intended.
func TestModality(t *testing.T) {
	runGolden(t, []golden{
		{"asserted", "Russia imposed sanctions on Georgia.", []string{"163 RUS>GEO imposed"}},
		{"negated", "Russia did not impose sanctions on Georgia.", []string{"163 RUS>GEO impose neg"}},
		{"conditional", "Russia would impose sanctions on Georgia if Tbilisi refused to negotiate.", []string{"1312 RUS>GEO impose hyp"}},
		{"threatened", "Russia threatened to impose sanctions on Georgia.", []string{"1312 RUS>GEO threatened hyp"}},
		{"future", "Russia will impose sanctions on Georgia.", []string{"1312 RUS>GEO impose hyp"}},
		{"inverted condition", "Trump said he would impose a 50% tariff on Russian oil should Putin refuse to agree to a ceasefire.",
			[]string{"1312 USAGOV>RUS impose hyp"}},
		{"no talks", "No talks were held between Russia and Ukraine.", []string{"040 >RUS,UKR held neg"}},
		{"did not rule out", "The Kremlin did not rule out military action against Ukraine.", []string{"1384 RUSGOV>UKR rule hyp"}},
		{"never attack", "Iran said it would never attack Israel.", []string{"1384 IRN>ISR attack neg hyp"}},
		{"intention", "Japan intends to send aid to Indonesia.", []string{"033 JPN>IDN intends hyp"}},
		{"refusal", "Poland refused to meet Belarus.", []string{"125 POL>BLR refused"}},
		{"denied", "Russia denied attacking the convoy.", []string{"190 RUS> attacking neg"}},
		{"will not accept", "Poland will not accept the plan of the European Commission.", []string{"127 POL>IGOEUREEC accept"}},
		{"need not", "Serbia does not need to attack Kosovo.", []string{"190 SRB>KSV attack neg hyp"}},
		{"has to", "Russia has to withdraw its troops from Moldova.", []string{"087 RUS>MDA withdraw hyp"}},
		{"asked, by nobody named", "Poland was asked to send troops to Latvia.", []string{"020 >POL asked"}},
		{"urged, by nobody named", "Poland was urged to release the Belarusian journalists.", []string{"1053 >POL urged"}},
		{"urged by", "Poland was urged by Lithuania to release the Belarusian journalists.", []string{"1053 LTU>POL urged"}},
	})
}

// TestNoEvents is a set of sentences with political words and no event:
// the coder must stay quiet.
func TestNoEvents(t *testing.T) {
	for _, text := range []string{
		"Analysts expect the election in Hungary to be close.",
		"The ministry's budget for defence rose by 3 percent.",
		"Talks are a recurring theme in the history of the Balkans.",
		"The museum in Kyiv hosts an exhibition on the history of the war.",
		"Protests are common in many democracies.",
		"The report examines the causes of the conflict in Sudan.",
		"Sanctions have a long history in international law.",
		"The Treaty of Westphalia was signed in 1648.",
		"He is a former attack helicopter pilot from Ukraine.",
		"The French election campaign focused on the economy.",
		"A ceasefire agreement would need the support of both parliaments.",
		"The minister's visit was the first since 2019.",
		"The police in Ruritania say new laws will help them fight crime.",
		"The finance minister expects to meet his fiscal rules next year.",
		"Pensioners in Ruritania received extra payments in December.",
		"Noise-hit homes near the airport will be bought by the state.",
		"Brent crude from Norway was trading at 81 dollars a barrel.",
		"The French government said it would appeal against the ruling of the court.",
		"The Swedish carmaker returned to profit in 2004 after two years of losses.",
		"The Canadian film beat the French entry to the top award in Berlin.",
		"The Swedish band hit the charts in Germany in 2002.",
		"The Japanese director will start to shoot the film in Kenya next year.",
		"The Korean firm released a new handset and a software update on Monday.",
		"The Finnish operator offers broadband and music downloads to Swedish customers.",
		"The German service allows users in France to make free calls.",
		"The Dutch bank said it had met its main strategic objectives for the year.",
		"The Labour candidate beat the Conservative in the by-election in Hartlepool.",
		"The Korean director received an honorary Golden Bear at the Berlin festival.",
		"The Danish box office received a 4% boost last year.",
		"The poetry prize was won by Mary Lloyd for Green Hills, beating the favourite Dark Water by John Ellis.",
	} {
		t.Run(text, func(t *testing.T) {
			if d, got := events(t, text); len(got) > 0 {
				t.Errorf("%s\nwant no event, got %q\nparse:\n%s", text, got, dump(d))
			}
		})
	}
}

// TestDates dates each event by its clause's time expression, resolved
// against the publication date by tense, or by the publication date. The
// weekday cases are published on Wednesday 2 April 2025, the others on
// Monday 31 March 2025.
// TestRelativeDates dates the event of an "after" or "before" clause by
// the lapse from the dated clause it depends on.
func TestRelativeDates(t *testing.T) {
	const wed = "2025-04-02"
	for _, tt := range []struct {
		text, trigger, want string
	}{
		{"Russia struck Kyiv on Monday, a day after Ukraine attacked a bridge in Crimea.", "attacked", "2025-03-30"},
		{"Poland protested on Monday, two weeks after Belarus detained a Polish journalist.", "detained", "2025-03-17"},
		{"Israel struck Gaza on Monday, hours after Hamas fired rockets at Tel Aviv.", "fired", "2025-03-31"},
		{"Serbia closed the border on Monday, several days after Kosovo arrested two Serbian police officers.", "arrested", "2025-03-31"},
		{"Russia struck Kyiv on Monday, a day after Ukraine attacked a bridge in Crimea.", "struck", "2025-03-31"},
	} {
		t.Run(tt.text+" "+tt.trigger, func(t *testing.T) {
			d := loadUpstream(t).analyse(t, tt.text, wed)
			found := false
			for _, e := range d.Events {
				if d.Text[e.Trigger.Start:e.Trigger.End] != tt.trigger {
					continue
				}
				found = true
				if e.Date != tt.want {
					t.Errorf("%s: %s dated %s, want %s", tt.text, tt.trigger, e.Date, tt.want)
				}
			}
			if !found {
				t.Errorf("%s: no event triggered by %q\n%s", tt.text, tt.trigger, dump(d))
			}
		})
	}
}

func TestDates(t *testing.T) {
	const wed = "2025-04-02"
	for _, tt := range []struct {
		published, text, want string
	}{
		{wed, "Russia attacked Ukraine on Monday.", "2025-03-31"},
		{wed, "Russia will attack Ukraine on Monday.", "2025-04-07"},
		{wed, "Russia attacked Ukraine on Friday.", "2025-03-28"},
		{wed, "Russia will attack Ukraine on Friday.", "2025-04-04"},
		{wed, "Russia attacked Ukraine on Friday, the ministry said on Tuesday.", "2025-03-28"},
		{pub, "Yesterday Russia attacked Ukraine.", "2025-03-30"},
		{pub, "Russia attacked Ukraine last week.", "2025-03-24"},
		{pub, "Russia attacked Ukraine in 2022.", "2022-01-01"},
		{pub, "Russia attacked Ukraine on 24 February 2022.", "2022-02-24"},
		{pub, "Russia attacked Ukraine.", pub},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := loadUpstream(t).analyse(t, tt.text, tt.published)
			if len(d.Events) != 1 {
				t.Fatalf("%s: want one event, got %d\n%s", tt.text, len(d.Events), dump(d))
			}
			if d.Events[0].Date != tt.want {
				t.Errorf("%s (published %s): date %s, want %s", tt.text, tt.published, d.Events[0].Date, tt.want)
			}
		})
	}
}

// TestQuote links an event reported inside a quotation to the quote, and
// gives a first-person event the speaker as its source.
func TestQuote(t *testing.T) {
	u := loadUpstream(t)
	text := `"We will impose sanctions on Georgia," the Russian foreign minister said.`
	d := doc.New("q", text)
	d.Published = pub
	if err := u.pipe.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	speaker := strings.Index(text, "the Russian")
	d.Quotes = []doc.Quote{{
		Span:    doc.Span{Start: 1, End: strings.Index(text, `,"`)},
		Kind:    "direct",
		Speaker: doc.Span{Start: speaker, End: speaker + len("the Russian foreign minister")},
		Chain:   -1,
		Name:    "Sergey Lavrov",
		Actor:   &doc.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
	}}
	d.Mark(doc.LayerQuotes)
	if err := New(u.rules, u.kb).Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Events {
		got = append(got, format(d, e))
	}
	if diff := cmp.Diff([]string{"1312 RUSGOV>GEO impose hyp"}, got); diff != "" {
		t.Fatalf("events (-want +got):\n%s\n%s", diff, dump(d))
	}
	if d.Events[0].Quote != 0 {
		t.Errorf("Quote = %d, want 0", d.Events[0].Quote)
	}
}

// TestEventFields checks the tables behind one event and its spans.
func TestEventFields(t *testing.T) {
	d, _ := events(t, "Russia threatened to impose sanctions on Georgia.")
	if len(d.Events) != 1 {
		t.Fatalf("want one event, got %d", len(d.Events))
	}
	e := d.Events[0]
	if e.Plover != "THREATEN" || e.Quad != 3 || e.Goldstein != -5.8 || e.Mode != "restrict" || e.Context != "economic" {
		t.Errorf("got PLOVER %q mode %q context %q quad %d Goldstein %v, want THREATEN restrict economic 3 -5.8",
			e.Plover, e.Mode, e.Context, e.Quad, e.Goldstein)
	}
	if d.Slice(e.Trigger) != "threatened" || e.Sentence != 0 || e.Quote != -1 {
		t.Errorf("trigger %q sentence %d quote %d", d.Slice(e.Trigger), e.Sentence, e.Quote)
	}
	if d.Slice(e.Source[0].Span) != "Russia" || d.Slice(e.Target[0].Span) != "Georgia" {
		t.Errorf("source %q target %q", d.Slice(e.Source[0].Span), d.Slice(e.Target[0].Span))
	}
	if !d.Has(doc.LayerEvents) {
		t.Error("LayerEvents not marked")
	}
}

// TestRequiresLayers refuses a document that was not parsed.
func TestRequiresLayers(t *testing.T) {
	rules, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New("x", "Russia attacked Ukraine.")
	err = New(rules, nil).Apply(context.Background(), d)
	var missing *doc.MissingLayerError
	if !errors.As(err, &missing) {
		t.Fatalf("Apply on an empty doc: %v, want *doc.MissingLayerError", err)
	}
}

// TestSportsReports keeps the language of games out of events of force:
// in a sports report, or a sentence with a score or two sports words, no
// assault or fight is coded, while force elsewhere still is.
func TestSportsReports(t *testing.T) {
	tests := []struct {
		name, text string
		violent    bool // whether an event of roots 17-20 must come out
	}{
		{"score in the sentence", "Ruritania stormed past Borduria 3-1 in the cup semi-final.", false},
		{"sports words in the sentence", "Wales have beaten France in three of their last four games in Paris, and a victory in the cup match would keep their hopes alive.", false},
		{"sports report", "The coach praised his players after the cup match in Tirana on Sunday. " +
			"The striker had been injured earlier in the league season. " +
			"Ruritania have beaten Borduria in three of their last four visits to the capital.", false},
		{"force near a stadium", "Police attacked protesters outside the stadium in Minsk.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, got := events(t, tc.text)
			violent := false
			for _, e := range d.Events {
				violent = violent || violentRoots[e.CAMEO[:2]]
			}
			if violent != tc.violent {
				t.Errorf("events %q: violent %v, want %v", got, violent, tc.violent)
			}
		})
	}
}
