//! The unit-table paste parser: the unit tables of the source documents, pasted as their text
//! stands, give the catalogue's units; each printed form of a code, a level and a figure is read;
//! no text makes it panic or do more than linear work.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::{embedded, Level, Unit};
use qualplan::editor::paste::{
    guess_columns, parse, to_units, NumberColumn, Pasted, PastedRow, PastedUnit,
};
use qualplan::limits::MAX_PASTE_BYTES;

const HIGHFIELD: &str = include_str!("fixtures/paste/highfield-units.txt");
const EDI: &str = include_str!("fixtures/paste/edi-units.txt");
const CG_4411: &str = include_str!("fixtures/paste/cg-4411-units.txt");

/// A qualification's units in the order its groups list them, with each group's units.
fn catalogue_units(qualification: &str) -> (Vec<Unit>, Vec<(String, Vec<String>)>) {
    let c = embedded();
    let q = c.qualification(qualification).expect("qualification");
    let units = q.units.iter().map(|id| c.unit(*id).unit.clone()).collect();
    let groups = q
        .qualification
        .groups
        .iter()
        .map(|g| (g.name.clone(), g.units.clone()))
        .collect();
    (units, groups)
}

fn units_of(text: &str) -> (Pasted, Vec<PastedUnit>) {
    let pasted = parse(text).expect("within the limit");
    let units = to_units(&pasted, &guess_columns(&pasted));
    (pasted, units)
}

/// The units pasted under each heading, by code.
fn by_heading(pasted: &Pasted) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); pasted.headings.len()];
    for row in &pasted.rows {
        out[row.heading.expect("under a heading")].push(row.code.clone());
    }
    out
}

#[test]
fn highfield_unit_tables_give_the_catalogue_units() {
    let (pasted, units) = units_of(HIGHFIELD);
    assert_eq!(
        guess_columns(&pasted),
        vec![NumberColumn::Glh, NumberColumn::Credit],
        "from the printed header 'Unit title Level GLH Credit'"
    );
    let (expected, groups) = catalogue_units("highfield-l2-nvq-customer-service");
    assert_eq!(units.len(), 49);
    assert_eq!(units.len(), expected.len());
    for (got, want) in units.iter().zip(&expected) {
        let at = &want.code;
        assert_eq!(got.code, want.code, "{at}");
        assert_eq!(got.uan, want.uan, "{at}");
        assert_eq!(got.level, Some(want.level), "{at}");
        assert_eq!(got.credit, want.credit, "{at}");
        assert_eq!(got.glh, want.glh, "{at}");
        assert!(got.other_codes.is_empty(), "{at}");
        // The specification prints two titles with a typographic apostrophe (U+2019), which the
        // catalogue writes as a plain one. Both are what the document says; only a reader can
        // choose the plain form for the data file, so the parser keeps the characters as
        // printed and the person corrects them if they wish.
        match at.as_str() {
            "Y/601/1213" | "K/601/1555" => {
                assert_ne!(got.title, want.title, "{at}");
                assert_eq!(got.title.replace('\u{2019}', "'"), want.title, "{at}");
            }
            _ => assert_eq!(got.title, want.title, "{at}"),
        }
    }
    // The group headings are read as the catalogue names its groups, with the same units.
    let names: Vec<&str> = pasted.headings.iter().map(|h| h.text.as_str()).collect();
    let want_names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, want_names);
    let want_members: Vec<Vec<String>> = groups.into_iter().map(|(_, u)| u).collect();
    assert_eq!(by_heading(&pasted), want_members);
    // The sentences between the tables are listed as not read, and nothing else is.
    assert_eq!(pasted.skipped.len(), 10, "{:#?}", pasted.skipped);
    assert!(pasted
        .skipped
        .iter()
        .all(|s| !s.text.contains("/601/") && !s.text.is_empty()));
    assert!(pasted
        .skipped
        .iter()
        .any(|s| s.text.starts_with("Learners must achieve")));
}

#[test]
fn edi_unit_tables_give_the_catalogue_units() {
    let (pasted, units) = units_of(EDI);
    // "QCF LEVEL" and "QCF CREDIT", each broken over two lines.
    assert_eq!(pasted.header, vec![NumberColumn::Credit]);
    let (expected, groups) = catalogue_units("edi-l2-nvq-customer-service");
    assert_eq!(units.len(), 49);
    assert_eq!(units.len(), expected.len());
    for (got, want) in units.iter().zip(&expected) {
        let at = &want.code;
        assert_eq!(got.code, want.code, "{at}");
        let positions: Vec<String> = want.other_codes.iter().map(|o| o.code.clone()).collect();
        assert_eq!(got.other_codes, positions, "{at}");
        assert_eq!(got.uan, None, "{at}");
        assert_eq!(got.level, Some(want.level), "{at}");
        assert_eq!(got.credit, want.credit, "{at}");
        assert_eq!(got.glh, None, "{at}: the table prints no GLH");
        assert_eq!(want.glh, None, "{at}");
        // Two titles carry the PDF's mangled apostrophe ("customerôs"), repaired in the
        // catalogue; a parser cannot tell a mangled character from a printed one, so it keeps it.
        match at.as_str() {
            "CU807" | "CU834" => {
                assert_eq!(got.title.replace('\u{f4}', "'"), want.title, "{at}");
            }
            _ => assert_eq!(got.title, want.title, "{at}"),
        }
    }
    // The table of group C is continued on a new page under its repeated heading and column
    // headers: one heading, eleven units.
    let want_members: Vec<Vec<String>> = groups.iter().map(|(_, u)| u.clone()).collect();
    assert_eq!(by_heading(&pasted), want_members);
    assert_eq!(pasted.headings[2].text, "Group C Optional Units - Delivery");
    // Each heading as printed, its pieces joined (the catalogue repairs them: "Group B: ...").
    let names: Vec<&str> = pasted.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        names,
        [
            "GROUP A Mandatory Units - Customer Service Foundations",
            "Group B Optional Units - Impression and Image",
            "Group C Optional Units - Delivery",
            "Group D Optional Units - Handling Problems",
            "Group E Optional Units \u{ef} Development and Improveme nt",
        ]
    );
    // Only the sentences of the structure section before the tables are not read.
    assert!(
        pasted.skipped.iter().all(|s| s.line <= 7),
        "{:#?}",
        pasted.skipped
    );
}

#[test]
fn city_and_guilds_unit_table_gives_the_catalogue_units() {
    // Tab-separated, one row a line; the UAN has a column after the title, and the table
    // prints no level.
    let (pasted, units) = units_of(CG_4411);
    assert_eq!(
        guess_columns(&pasted),
        vec![NumberColumn::Glh, NumberColumn::Credit]
    );
    let c = embedded();
    let q = c.qualification("cg-4411-30").unwrap();
    assert_eq!(units.len(), 20);
    for got in &units {
        let want = &c
            .unit(c.offered_unit(q, &got.code).expect("a 4411 unit"))
            .unit;
        let at = &want.code;
        assert_eq!(got.uan, want.uan, "{at}");
        assert_eq!(got.title, want.title, "{at}");
        assert_eq!(got.credit, want.credit, "{at}");
        assert_eq!(got.glh, want.glh, "{at}");
        assert_eq!(got.level, None, "{at}: the table has no level column");
    }
    let first = &pasted.rows[0];
    assert_eq!(first.extra, "Optional Cannot be taken with unit 101");
    assert!(pasted.rows[1]
        .extra
        .starts_with("Mandatory (for 4411-30,33)"));
    assert!(pasted.skipped.is_empty(), "{:#?}", pasted.skipped);
}

fn rows(text: &str) -> Vec<PastedRow> {
    parse(text).unwrap().rows
}

fn only(text: &str) -> PastedRow {
    let r = rows(text);
    assert_eq!(r.len(), 1, "{r:#?}");
    r.into_iter().next().unwrap()
}

#[test]
fn every_level_spelling() {
    let cases = [
        ("Entry 3", Level::Entry(3)),
        ("E3", Level::Entry(3)),
        ("Entry level 3", Level::Entry(3)),
        ("entry 1", Level::Entry(1)),
        ("Level 2", Level::Numbered(2)),
        ("L2", Level::Numbered(2)),
        ("2", Level::Numbered(2)),
        ("8", Level::Numbered(8)),
    ];
    for (printed, level) in cases {
        let text = format!("Unit title Level Credit GLH\n001 Work with others {printed} 3 20\n");
        let r = only(&text);
        assert_eq!(r.level, Some(level), "{printed}");
        assert_eq!(r.level.unwrap().to_string(), level.to_string());
        assert_eq!(r.numbers, vec![Some(3), Some(20)], "{printed}");
        assert_eq!(r.title, "Work with others", "{printed}");
    }
    // As the catalogue writes levels.
    assert_eq!(Level::Entry(3).to_string(), "Entry 3");
    assert_eq!(Level::Numbered(2).to_string(), "2");
}

#[test]
fn every_code_form() {
    let cases: [(&str, &str, Option<&str>, &[&str]); 11] = [
        ("F/601/1609", "F/601/1609", Some("F/601/1609"), &[]),
        ("f/601/1609", "F/601/1609", Some("F/601/1609"), &[]),
        ("F / 601 / 1609", "F/601/1609", Some("F/601/1609"), &[]),
        ("F/ 601/ 1609", "F/601/1609", Some("F/601/1609"), &[]),
        ("CU791", "CU791", None, &[]),
        ("001", "001", None, &[]),
        ("110", "110", None, &[]),
        ("219", "219", None, &[]),
        ("Unit 7", "Unit 7", None, &[]),
        ("A1 CU793", "CU793", None, &["A1"]),
        (
            "Unit 7 R/601/1209",
            "R/601/1209",
            Some("R/601/1209"),
            &["Unit 7"],
        ),
    ];
    for (printed, code, uan, others) in cases {
        let r = only(&format!(
            "{printed} Communicate using customer service language 1 30 4"
        ));
        assert_eq!(r.code, code, "{printed}");
        assert_eq!(r.uan.as_deref(), uan, "{printed}");
        assert_eq!(r.other_codes, others, "{printed}");
        assert_eq!(
            r.title, "Communicate using customer service language",
            "{printed}"
        );
        assert_eq!(r.level, Some(Level::Numbered(1)), "{printed}");
        assert_eq!(r.numbers, vec![Some(30), Some(4)], "{printed}");
    }
    // A unit number with its UAN in a column after the title.
    let r = only("219\tDeal with queries\tH/601/6074\t2\t22\t3");
    assert_eq!(
        (r.code.as_str(), r.uan.as_deref()),
        ("219", Some("H/601/6074"))
    );
    assert_eq!(r.title, "Deal with queries");
}

#[test]
fn wrapped_titles_and_figures_on_their_own_lines() {
    let text = "Unit reference / Unit title Level GLH Credit\n\
        L/601/1211\n\
        Adapt your behaviour to give a good customer \n\
        service impression \n\
        \n\
        1 \n\
        33 5 \n\
        R/601/1212 Communicate effectively with customers 2 33 5\n\
        D/601/0936 Promote additional services or products to\n\
        customers\n\
        2\n\
        40\n\
        6\n";
    let r = rows(text);
    assert_eq!(r.len(), 3, "{r:#?}");
    assert_eq!(
        r[0].title,
        "Adapt your behaviour to give a good customer service impression"
    );
    assert_eq!(r[0].line, 2);
    assert_eq!(r[0].level, Some(Level::Numbered(1)));
    assert_eq!(r[0].numbers, vec![Some(33), Some(5)]);
    assert_eq!(r[1].line, 8);
    assert_eq!(
        r[2].title,
        "Promote additional services or products to customers"
    );
    assert_eq!(
        (r[2].level, r[2].numbers.clone()),
        (Some(Level::Numbered(2)), vec![Some(40), Some(6)])
    );
}

#[test]
fn figures_one_a_line_without_a_header() {
    let r = rows("CU791 Communicate\n1\n30\n4\nCU792 Follow the rules\n2\n30\n4\n");
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0].numbers, vec![Some(30), Some(4)]);
    assert_eq!(r[1].title, "Follow the rules");
}

#[test]
fn a_header_repeated_mid_table_and_page_furniture() {
    let text = "Unit title Level GLH Credit\n\
        CU791 Communicate using customer service language 1 30 4\n\
        \x0c Highfield Level 2 NVQ Certificate in Customer Service (RQF) 12\n\
        Unit reference\tUnit title\tLevel\tGLH\tCredit\n\
        \n\
        CU792 Follow the rules to deliver customer service 2 30 4\n";
    let p = parse(text).unwrap();
    assert_eq!(p.rows.len(), 2, "{p:#?}");
    assert_eq!(p.rows[1].numbers, vec![Some(30), Some(4)]);
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 3);
}

#[test]
fn a_title_ending_in_a_number_is_not_cut() {
    let r = only("Unit 12 Install Windows 10\ndevices for customers 2 30 4\n");
    assert_eq!(r.title, "Install Windows 10 devices for customers");
    assert_eq!(r.numbers, vec![Some(30), Some(4)]);
}

#[test]
fn missing_figures_are_none_never_zero() {
    let header = "Unit title Level GLH Credit\n";
    // A dash in the GLH column.
    let p = parse(&format!("{header}CU791 Communicate 1 - 4\n")).unwrap();
    let u = to_units(&p, &guess_columns(&p));
    assert_eq!((u[0].glh, u[0].credit), (None, Some(4)));
    // The credit column left empty.
    let p = parse(&format!("{header}CU791 Communicate 1 30\n")).unwrap();
    let u = to_units(&p, &guess_columns(&p));
    assert_eq!((u[0].glh, u[0].credit), (Some(30), None));
    // No figures at all: still a row, to be completed by hand.
    let p = parse("CU791 Communicate using customer service language\n").unwrap();
    let u = to_units(&p, &guess_columns(&p));
    assert_eq!(u.len(), 1);
    assert_eq!((u[0].level, u[0].glh, u[0].credit), (None, None, None));
    // "n/a" for the level.
    let r = only(&format!("{header}CU791 Communicate n/a 30 4\n"));
    assert_eq!((r.level, r.numbers), (None, vec![Some(30), Some(4)]));
}

#[test]
fn columns_from_the_header_in_any_order() {
    let cases: [(&str, &[NumberColumn]); 6] = [
        (
            "Unit title Level GLH Credit",
            &[NumberColumn::Glh, NumberColumn::Credit],
        ),
        (
            "Unit title Level Credit value GLH",
            &[NumberColumn::Credit, NumberColumn::Glh],
        ),
        ("Unit title Level Credits", &[NumberColumn::Credit]),
        (
            "Code\tTitle\tLevel\tGuided learning hours (GLH)\tTotal qualification time\tCredit",
            &[NumberColumn::Glh, NumberColumn::Tqt, NumberColumn::Credit],
        ),
        ("QCF\nLEVEL\n\nQCF\nCREDIT", &[NumberColumn::Credit]),
        (
            "Unit number  Title  GLH  TQT",
            &[NumberColumn::Glh, NumberColumn::Tqt],
        ),
    ];
    for (header, want) in cases {
        let p = parse(&format!("{header}\nCU791 Communicate 1 30 40 4\n")).unwrap();
        assert_eq!(guess_columns(&p), want, "{header}");
    }
    // A level printed after the hours.
    let p = parse("Unit title GLH Level Credit\nCU791 Communicate 30 1 4\n").unwrap();
    assert_eq!(p.rows[0].level, Some(Level::Numbered(1)));
    let u = to_units(&p, &guess_columns(&p));
    assert_eq!((u[0].glh, u[0].credit), (Some(30), Some(4)));
    // The person's own mapping.
    let u = to_units(&p, &[NumberColumn::Credit, NumberColumn::Ignore]);
    assert_eq!((u[0].glh, u[0].credit), (None, Some(30)));
    // Of several headers, the one the rows are printed under.
    let p = parse(
        "Title and level\tGLH\tTQT\nCity & Guilds Award 51 60\n\nUnit title Level GLH Credit\n\
         CU1 One 1 30 4\nCU2 Two 2 30 4\n",
    )
    .unwrap();
    assert_eq!(
        guess_columns(&p),
        vec![NumberColumn::Glh, NumberColumn::Credit]
    );
    // A sentence ending in header words is not a header.
    let p = parse("Most of the time is guided learning hours.\nCU791 Communicate 1 4\n").unwrap();
    assert!(p.header.is_empty());
    // A sentence about credits is not a header.
    let p = parse("a minimum of 20 credits from the optional units\nCU791 Communicate 1 30 4\n")
        .unwrap();
    assert!(p.header.is_empty());
    assert_eq!(p.skipped.len(), 1);
}

#[test]
fn blank_lines_crlf_tabs_and_skipped_lines() {
    let text = "Mandatory Units\r\n\r\nLearners must achieve all units in this group\r\n\r\n\
        CU791\tCommunicate using customer service language\t1\t4\r\n\r\n\r\n\
        CU792\tFollow the rules to deliver customer service\t2\t4\r\n\
        \u{2022} a bullet point\r\n";
    let p = parse(text).unwrap();
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[1].line, 8);
    assert_eq!(
        p.rows[1].title,
        "Follow the rules to deliver customer service"
    );
    assert_eq!(p.headings.len(), 1);
    assert_eq!(p.headings[0].text, "Mandatory Units");
    let lines: Vec<usize> = p.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, vec![3, 9]);
    assert_eq!(
        p.skipped[0].text,
        "Learners must achieve all units in this group"
    );
}

#[test]
fn lines_ended_by_carriage_returns_alone() {
    let p = parse("Unit title Level Credit\rCU791 Communicate 1 4\rCU792 Follow the rules 2 4")
        .unwrap();
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[1].line, 3);
}

#[test]
fn characters_are_kept_as_printed() {
    let r = only("CU834 Develop your own and others\u{f4}  customer   service skills 3 8");
    assert_eq!(
        r.title,
        "Develop your own and others\u{f4} customer service skills"
    );
}

#[test]
fn text_over_the_limit_is_refused() {
    let text = "x".repeat(MAX_PASTE_BYTES + 1);
    let e = parse(&text).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("The pasted text is 524,289 bytes"));
}

#[test]
fn repeated_tables_give_proportionate_rows() {
    // Work and output grow with the text: the same table pasted k times gives k times the rows.
    let one = parse(HIGHFIELD).unwrap();
    let many = HIGHFIELD.repeat(20);
    let p = parse(&many).unwrap();
    assert_eq!(p.rows.len(), 20 * one.rows.len());
    assert_eq!(p.skipped.len(), 20 * one.skipped.len());
}

#[test]
fn long_hostile_inputs_finish() {
    // One line of a hundred thousand figures; a title that never ends; codes and nothing else.
    let figures = "1 ".repeat(100_000);
    let p = parse(&figures).unwrap();
    assert!(p.rows.is_empty());
    let endless = format!("CU791 {}", "word\n".repeat(50_000));
    let p = parse(&endless).unwrap();
    assert!(
        p.rows.is_empty(),
        "a title over MAX_TITLE_CHARS is prose, not a unit"
    );
    assert_eq!(p.skipped.len(), 50_000);
    let codes = "F/601/1609\n".repeat(40_000);
    let p = parse(&codes).unwrap();
    assert!(p.rows.is_empty());
    assert_eq!(p.skipped.len(), 40_000);
}

/// What holds for every input.
fn check_invariants(text: &str, p: &Pasted) {
    let end = if text.contains('\n') { '\n' } else { '\r' };
    let lines = text.split(end).count();
    let non_blank = text.split(end).filter(|l| !l.trim().is_empty()).count();
    assert!(p.rows.len() + p.skipped.len() <= non_blank);
    let mut last = 0;
    for r in &p.rows {
        assert!(!r.code.trim().is_empty());
        assert!(!r.title.trim().is_empty());
        assert_eq!(r.title, r.title.trim());
        assert!(!r.title.contains("  "));
        assert!(r.line >= 1 && r.line <= lines && r.line > last);
        last = r.line;
        assert!(r.heading.is_none_or(|h| h < p.headings.len()));
    }
    for s in &p.skipped {
        assert!(s.line >= 1 && s.line <= lines);
        assert!(s.text.chars().count() <= 61);
    }
    // Output bounded by input: each printed character is used once (a code form such as
    // "Unit 7" or a spaced UAN at most adds a few).
    let used: usize = p
        .rows
        .iter()
        .map(|r| {
            r.title.len()
                + r.extra.len()
                + r.code.len()
                + r.other_codes.iter().map(String::len).sum::<usize>()
        })
        .sum();
    assert!(used <= 2 * text.len() + 8 * p.rows.len());
    let columns = guess_columns(p);
    let units = to_units(p, &columns);
    assert_eq!(units.len(), p.rows.len());
}

/// The Highfield fixture damaged: lines dropped, doubled or swapped, characters cut.
fn damaged() -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = HIGHFIELD.split('\n').collect();
    let n = lines.len();
    prop::collection::vec((0..n, 0..4u8, 0..40usize), 0..60).prop_map(move |edits| {
        let mut ls: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (i, op, k) in edits {
            let i = i % ls.len().max(1);
            if ls.is_empty() {
                break;
            }
            match op {
                0 => {
                    ls.remove(i);
                }
                1 => {
                    let l = ls[i].clone();
                    ls.insert(i, l);
                }
                2 => {
                    let j = (i + k) % ls.len();
                    ls.swap(i, j);
                }
                _ => {
                    let cut: String = ls[i].chars().take(k).collect();
                    ls[i] = cut;
                }
            }
        }
        ls.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let p = parse(&text).unwrap();
        check_invariants(&text, &p);
    }

    #[test]
    fn table_like_text_never_panics(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "F/601/1609", "f / 601 / 1609", "CU791", "A1", "001", "Unit", "7", "Entry", "level",
                "3", "E3", "L2", "Level", "GLH", "Credit", "value", "-", "n/a", "\n", "\n", "\t",
                "Mandatory", "Group", "B", "Communicate", "with", "customers", "\u{2019}", "30",
                "Optional", "(", ")", ":", "\r\n", "\u{f4}", "é", "\x0c",
            ]),
            0..120,
        )
    ) {
        let text = pieces.join(" ");
        let p = parse(&text).unwrap();
        check_invariants(&text, &p);
    }

    #[test]
    fn damaged_fixture_never_panics(text in damaged()) {
        let p = parse(&text).unwrap();
        check_invariants(&text, &p);
        // Every row still starts on a line with a code, and no row is made from nothing.
        prop_assert!(p.rows.len() <= 49 * 2 + 60);
    }
}

#[test]
fn city_and_guilds_nsvq_table_without_figures_gives_the_catalogue_units() {
    // A UAN, the City & Guilds unit number and the ICS unit number before each title, no
    // figures at all, titles wrapped across blank lines, section headings as page furniture.
    let text = include_str!("fixtures/paste/cg-nsvq-units.txt");
    let (pasted, units) = units_of(text);
    let (expected, _) = catalogue_units("cg-l3-nsvq-customer-service");
    assert_eq!(units.len(), 20, "{:#?}", pasted.rows);
    let c = embedded();
    let q = c.qualification("cg-l3-nsvq-customer-service").unwrap();
    for got in &units {
        let want = &c.unit(c.offered_unit(q, &got.code).expect("a unit")).unit;
        let at = &want.code;
        assert_eq!(got.uan, want.uan, "{at}");
        let ics: Vec<String> = want.other_codes.iter().map(|o| o.code.clone()).collect();
        assert_eq!(got.other_codes, ics, "{at}");
        assert_eq!((got.credit, got.glh), (None, None), "{at}");
        assert_eq!((want.credit, want.glh), (None, None), "{at}");
        assert_eq!(got.level, None, "{at}: the table prints no level");
        match at.as_str() {
            // The table prints "Deliver customer services on your customers’ premises"; the
            // catalogue takes the unit body's "service" (a reader's choice between two printings
            // of the document) and a plain apostrophe.
            "211" => {
                assert_eq!(
                    got.title,
                    "Deliver customer services on your customers\u{2019} premises"
                );
                assert_eq!(
                    want.title,
                    "Deliver customer service on your customers' premises"
                );
            }
            "313" => assert_eq!(got.title.replace('\u{2019}', "'"), want.title, "{at}"),
            _ => assert_eq!(got.title, want.title, "{at}"),
        }
    }
    let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
    let want_codes: Vec<&str> = expected.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, want_codes);
    let names: Vec<&str> = pasted.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(names, ["Mandatory units", "Optional units"]);
    assert_eq!(by_heading(&pasted)[0], ["301", "302"]);
    // The numbered section headings are not units.
    assert!(pasted
        .skipped
        .iter()
        .any(|s| s.text.starts_with("9 The qualification")));
    assert!(pasted
        .skipped
        .iter()
        .any(|s| s.text.starts_with("10 About the standards")));
}

#[test]
fn numbered_lists_are_not_units() {
    let p = parse("1 Be able to show the right attitude\n2 Know how to maintain it\n").unwrap();
    assert!(p.rows.is_empty());
    assert_eq!(p.skipped.len(), 2);
    // With figures, a short unit number is a code (a unit table numbered 1, 2, 3 ...).
    let p = parse("Unit Title Level GLH\n1 Customer service 2 60\n").unwrap();
    assert_eq!(p.rows[0].code, "1");
}
