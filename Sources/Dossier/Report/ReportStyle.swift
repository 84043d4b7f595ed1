/// The report's style sheet, written inline into the page (the report is one self-contained file).
enum ReportStyle {
    static let css = """
    :root {
      --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
      --person: #cfe2ff; --person-edge: #3d7be0;
      --place: #d3f2d6; --place-edge: #2f9a44;
      --organisation: #ffe2bf; --organisation-edge: #d9822b;
      --other: #eadcff; --other-edge: #8250df;
      --figure: #fff3a3; --figure-edge: #b08800;
      --quote: #fde2ef; --quote-edge: #c2255c;
      --claim: #e9e4ff; --claim-edge: #6f42c1;
      --add: #1a7f37; --del: #cf222e; --chg: #9a6700;
    }
    * { box-sizing: border-box; }
    html { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
    body { margin: 0; }
    header.top { background: #24292f; color: #fff; padding: .8rem 1.2rem; }
    header.top h1 { margin: 0; font-size: 1.3rem; }
    header.top .sub { margin: .2rem 0 .4rem; color: #d0d7de; font-size: .9rem; }
    header.top nav a { color: #fff; margin-right: 1rem; font-size: .9rem; text-decoration: none; border-bottom: 2px solid transparent; }
    header.top nav a:hover { border-color: #fff; }
    main { max-width: 1120px; margin: 0 auto; padding: 0 1.2rem 2rem; }
    section { margin-top: 1.6rem; }
    h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .5rem; }
    a { color: #0a58ca; }
    code { font-size: .85em; background: var(--panel); padding: 0 .25em; border-radius: 3px; }
    .meta, .dim, .id, .hint { color: var(--muted); font-size: .88rem; }
    .id { font-size: .8rem; word-break: break-all; }
    .note { background: #fff8c5; border: 1px solid #d4a72c; padding: .4rem .7rem; border-radius: 6px; font-size: .9rem; }
    .note.error { background: #ffebe9; border-color: var(--del); }
    td.note { background: none; border: 0; color: var(--muted); }
    .empty, .none { color: var(--muted); font-style: italic; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .92rem; }
    th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; }
    table.grid th, table.grid td { border-bottom: 1px solid var(--line); }
    thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
    th[scope=row] { font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr)); gap: 1rem; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: .2rem .8rem .6rem; background: var(--bg); }
    .card h3 { margin-top: .6rem; }
    table.bars th[scope=row] { font-weight: normal; overflow-wrap: break-word; }
    td.bar { --c: var(--other-edge); width: 42%; vertical-align: middle; background: linear-gradient(90deg, var(--c) 0 var(--w), transparent var(--w)) no-repeat 0 50% / 100% 1.2em; line-height: 1.2em; color: var(--fg); font-size: .8rem; font-weight: 600; padding-left: .35rem; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 2px #fff; }
    td.b-person { --c: var(--person-edge); } td.b-place { --c: var(--place-edge); } td.b-organisation { --c: var(--organisation-edge); }
    td.b-quote { --c: var(--quote-edge); } td.b-figure { --c: var(--figure-edge); } td.b-diff { --c: #57606a; }
    table.grid.bars td.bar { width: 25%; }
    table.bars th, table.bars td { padding: .2rem .4rem; }
    .view:empty { display: none; }
    article.doc { border: 1px solid var(--line); border-radius: 8px; padding: 0 1rem 1rem; margin-top: 1rem; }
    .dochead h2 { border: 0; margin-bottom: .2rem; }
    .back { margin: .6rem 0 0; font-size: .9rem; }
    .legend { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
    .key { padding: 0 .35em; border-radius: 4px; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; font-size: 1rem; border-top: 1px solid var(--line); padding-top: .6rem; }
    .zone { position: relative; border-left: 3px solid transparent; padding-left: .6rem; margin: 0 0 .9rem -.6rem; }
    .zone::before { content: attr(data-zone); position: absolute; right: 0; top: 0; font-size: .65rem; line-height: 1.2; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); background: var(--panel); padding: 0 .3em; border-radius: 3px; }
    .z-title { font-weight: 700; font-size: 1.15rem; border-left-color: #24292f; }
    .z-byline, .z-caption { font-style: italic; border-left-color: #8c959f; }
    .z-body { border-left-color: #d0d7de; }
    .z-comments { background: var(--panel); border-left-color: #8c959f; }
    .z-boilerplate { opacity: .45; border-left-color: #eaeef2; }
    .key.z-boilerplate { opacity: .6; background: var(--panel); border: 1px dashed #8c959f; }
    mark { color: inherit; }
    mark.ent, .key.ent-other { background: var(--other); box-shadow: inset 0 -2px 0 var(--other-edge); border-radius: 3px; padding: 0 .1em; }
    mark.ent-person, .key.ent-person { background: var(--person); box-shadow: inset 0 -2px 0 var(--person-edge); }
    mark.ent-place, .key.ent-place { background: var(--place); box-shadow: inset 0 -2px 0 var(--place-edge); }
    mark.ent-organisation, .key.ent-organisation { background: var(--organisation); box-shadow: inset 0 -2px 0 var(--organisation-edge); }
    mark.ent::after { font-size: .6rem; font-weight: 700; vertical-align: .35em; margin-left: .15em; letter-spacing: .03em; color: var(--other-edge); content: "ENT"; }
    mark.ent-person::after { content: "PER"; color: var(--person-edge); }
    mark.ent-place::after { content: "LOC"; color: var(--place-edge); }
    mark.ent-organisation::after { content: "ORG"; color: var(--organisation-edge); }
    mark.fig, .key.fig { background: var(--figure); outline: 1px solid var(--figure-edge); border-radius: 3px; padding: 0 .1em; font-weight: 600; }
    .q { background: var(--quote); border-bottom: 2px solid var(--quote-edge); }
    .q.claim { background: var(--claim); border-bottom: 2px dotted var(--claim-edge); }
    .q.q-scare { background: none; border-bottom-style: dashed; }
    .text mark:hover, .text .q:hover { filter: brightness(.92); cursor: help; }
    details { margin-top: .8rem; }
    summary { font-weight: 600; cursor: pointer; }
    .tag { display: inline-block; font-size: .72rem; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 0 .45em; color: var(--muted); }
    ul.saidlist { margin: 0; padding-left: 1rem; }
    ul.saidlist li { margin: .15rem 0; }
    .src { font-size: .82rem; }
    .more { color: var(--muted); list-style: none; font-size: .85rem; }
    .tools { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
    .tools input { font: inherit; padding: .2rem .4rem; min-width: 14rem; }
    .pager { display: flex; gap: .6rem; align-items: center; }
    .pager button { font: inherit; padding: .2rem .7rem; }
    td.add, .c-added .sign { color: var(--add); } td.del, .c-removed .sign { color: var(--del); } td.chg, .c-changed .sign { color: var(--chg); }
    .sign { font-weight: 700; font-size: 1.1rem; }
    table.sxs td.old, table.sxs td.new { width: 42%; }
    .c-removed td.old, .c-changed td.old { background: #ffebe9; }
    .c-added td.new, .c-changed td.new { background: #dafbe1; }
    td.absent { color: var(--muted); text-align: center; }
    .words { font-weight: 600; }
    .details { font-size: .85rem; }
    .sentence { font-size: .8rem; color: var(--muted); margin-top: .2rem; }
    strong.diffed { background: #fff8c5; }
    footer { max-width: 1120px; margin: 0 auto; padding: 1rem 1.2rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); }
    @media (max-width: 600px) {
      main { padding: 0 .6rem 1rem; }
      .text { font-size: .95rem; }
      article.doc { padding: 0 .6rem .6rem; }
      table.bars th[scope=row] { width: 50%; }
    }

    """
}
