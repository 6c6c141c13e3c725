using FsCheck;
using FsCheck.Fluent;

namespace Quality.Intake.Tests.Fuzzing.Email;

/// <summary>
/// HTML as mail clients write it: nested inline and block elements, tables, entities, comments, conditional
/// comments, scripts and styles (random case, text that looks like markup inside), a head that is not always
/// closed, CDATA and processing instructions. Every piece knows what a browser would show of it.
/// </summary>
internal static class HtmlGen
{
    private static readonly (string Entity, string Text)[] Entities =
    [
        ("&amp;", "&"), ("&AMP;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&eacute;", "é"), ("&copy;", "©"),
        ("&#20013;", "中"), ("&#x6587;", "文"), ("&hellip;", "…"), ("&mdash;", "—"), ("&yen;", "¥"), ("&#128542;", "😞"),
    ];

    private static readonly string[] Inline = ["b", "i", "span", "a", "font", "u", "em", "strong", "o:p", "x-custom"];
    private static readonly string[] Block = ["p", "div", "li", "h1", "h3", "blockquote", "pre", "td", "th", "section", "center"];

    public static Gen<HtmlDocument> Document =>
        from doctype in Gen.Elements("", "<!DOCTYPE html>", "<!doctype html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">", "<?xml version=\"1.0\"?>")
        from head in Head
        from bodyTag in Gen.Elements("<body>", "<BODY bgcolor=\"#fff\" onload=\"ATTRMARK()\">", "<body style='a>b'>")
        from nodes in Gen.Sized(size => Nodes(Math.Min(size, 40), depth: 4))
        from close in Gen.Elements("</body></html>", "</BODY>", "")
        select new HtmlDocument($"{doctype}<html>{head}{bodyTag}{nodes.Html}{close}", nodes.Visible);

    /// <summary>A head with a title, meta, style and script; sometimes left unclosed, as the body tag closes it.</summary>
    private static Gen<string> Head =>
        from title in Gen.Elements("<title>TITLEMARK 订单</title>", "<TITLE>TITLEMARK &amp; <b>x</b></TITLE>", "")
        from style in Style
        from script in Script
        from closed in Gen.Elements(true, false)
        select $"<head><meta charset=\"utf-8\">{title}{style}{script}{(closed ? "</head>" : "")}";

    private static Gen<HtmlDocument> Nodes(int count, int depth) =>
        Gen.Choose(0, Math.Max(0, count)).SelectMany(n => Gen.ArrayOf(Node(depth), n))
            .Select(nodes => new HtmlDocument(string.Concat(nodes.Select(n => n.Html)), string.Concat(nodes.Select(n => n.Visible))));

    private static Gen<HtmlDocument> Node(int depth)
    {
        var leaves = new List<(int, Gen<HtmlDocument>)>
        {
            (8, Text),
            (2, Hidden(Script)),
            (1, Hidden(Style)),
            (2, Hidden(Comment)),
            (1, Hidden(Gen.Elements("<![CDATA[CDATAMARK <b>x</b> <script>alert(1)</script>]]>", "<?php echo 'COMMENTMARK'; ?>"))),
            (2, Gen.Elements(new HtmlDocument("<br>", " "), new HtmlDocument("<BR/>", " "), new HtmlDocument("<hr />", " "),
                new HtmlDocument("<img src=\"cid:x\" alt=\"ATTRMARK\">", ""), new HtmlDocument("<meta name=ATTRMARK>", ""))),
        };
        if (depth > 0)
        {
            leaves.Add((3, Element(Inline, depth, block: false)));
            leaves.Add((3, Element(Block, depth, block: true)));
        }

        return Gen.Frequency([.. leaves]);
    }

    private static Gen<HtmlDocument> Hidden(Gen<string> html) => html.Select(h => new HtmlDocument(h, ""));

    private static Gen<HtmlDocument> Element(string[] names, int depth, bool block) =>
        from name in Gen.Elements(names).SelectMany(RandomCase)
        from attributes in Attributes
        from children in Nodes(4, depth - 1)
        select new HtmlDocument($"<{name}{attributes}>{children.Html}</{name}>", block ? $" {children.Visible} " : children.Visible);

    private static Gen<string> Attributes => Gen.Elements(
        "", " class=\"x\"", " title=\"a > b ATTRMARK\"", " style='color:red' data-x=ATTRMARK", " href=\"https://q.example/?a=1&amp;b=ATTRMARK\"",
        " onclick=\"alert('ATTRMARK')\"", " disabled");

    private static Gen<HtmlDocument> Text =>
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(TextPiece, n))
            .Select(pieces => new HtmlDocument(string.Concat(pieces.Select(p => p.Html)), string.Concat(pieces.Select(p => p.Visible))));

    private static Gen<HtmlDocument> TextPiece => Gen.Frequency(
        (6, FuzzText.Word.Select(w => new HtmlDocument(System.Net.WebUtility.HtmlEncode(w), w))),
        (3, Gen.Elements(" ", "\n", "  ", "\r\n", "\t ").Select(s => new HtmlDocument(s, " "))),
        (2, Gen.Elements(Entities).Select(e => new HtmlDocument(e.Entity, e.Text))),
        (1, Gen.Constant(new HtmlDocument(" & ", " & "))));

    private static Gen<string> Script =>
        from open in Gen.Elements("<script>", "<SCRIPT type=\"text/javascript\">", "<Script language=javascript>")
        from body in Gen.Elements(
            "SCRIPTMARK alert(1)", "if (a < b && c > d) { SCRIPTMARK = '<b>'; }", "<!-- SCRIPTMARK document.write('<p>x</p>') -->",
            "var s = '</scr' + 'ipt>SCRIPTMARK';", "/*<![CDATA[*/ SCRIPTMARK /*]]>*/")
        from close in Gen.Elements("</script>", "</SCRIPT>", "</script >")
        select open + body + close;

    private static Gen<string> Style => Gen.Elements(
        "<style>p > a { color: red } /* STYLEMARK */</style>", "<STYLE type=\"text/css\">STYLEMARK <b>{}</STYLE>", "");

    private static Gen<string> Comment => Gen.Elements(
        "<!-- COMMENTMARK -->", "<!--COMMENTMARK <b>bold</b> <script>x</script>-->", "<!--[if mso]><xml>COMMENTMARK</xml><![endif]-->",
        "<!---->", "<!-- a - COMMENTMARK - b -->");

    private static Gen<string> RandomCase(string name) =>
        Gen.Elements(name, name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..]);
}
