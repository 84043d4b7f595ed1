import CLibXML2

/// The text of an HTML page as Dossier indexes it: block elements become paragraphs separated by a
/// blank line, `<br>` a line break, scripts and styles are dropped, entities decoded (libxml2's
/// HTML parser does the parsing and recovers from broken markup).
public struct HTMLPage: Sendable {
    /// The extracted text as UTF-16 units, as `Document` holds it.
    public var units: [UInt16]
    /// The extracted text.
    public var text: String { units.withUnsafeBufferPointer { Document.string($0) } }
    /// Title, author, publication date and publisher from `<title>` and `<meta>` tags.
    public var metadata: DocumentMetadata
    /// One entry per paragraph of `text`: its UTF-16 span and the markup around it.
    public var blocks: [HTMLBlock]
}

/// A paragraph of extracted HTML text and the elements it sits in, for zoning.
public struct HTMLBlock: Sendable {
    /// UTF-16 span in `HTMLPage.text`.
    public var start: Int
    public var end: Int
    /// The innermost block element's name ("p", "li", "h1", …).
    public var tag: String
    /// Names, ids and classes of the enclosing elements, outermost first, lowercased
    /// ("article", "div#comments", "nav.menu", …).
    public var path: [String]
    /// How many of the block's characters sit inside links.
    public var linkCharacters: Int
    /// Ids of the elements of `path` (unique per page), so that blocks can be grouped by container.
    public var ancestors: [Int32] = []
    /// Inline elements with an id, class, rel or itemprop inside the block ("span.comment-author",
    /// "a.rel-author"), with their UTF-16 spans in `HTMLPage.text`.
    public var inlineSpans: [HTMLInlineSpan] = []
}

/// An inline element with attributes inside a paragraph: its label and UTF-16 span.
public struct HTMLInlineSpan: Sendable {
    public var label: String
    public var start: Int
    public var end: Int
}

/// Converts HTML bytes to an `HTMLPage` with libxml2.
public enum HTMLText {
    static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead",
        "tbody", "tfoot", "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figure",
        "figcaption", "form", "main", "hr", "address", "fieldset", "details", "summary", "caption", "body", "center",
    ]
    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head", "select", "button"]

    /// Extracts the text and metadata of an HTML document given as UTF-8 bytes.
    public static func extract(utf8 bytes: ArraySlice<UInt8>) -> HTMLPage {
        // XML_PARSE_HUGE lifts libxml2's nesting limit (256): past it the parser stops, and the rest
        // of the page, closing tags included, was lost. Size is bounded by DocumentReader.maxBytes.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
                }
            }
        }
        guard let doc = parsed else { return HTMLPage(units: [], metadata: DocumentMetadata(), blocks: []) }
        defer { xmlFreeDoc(doc) }
        var builder = HTMLTextBuilder()
        if let root = xmlDocGetRootElement(doc) {
            builder.readMetadata(root)
            builder.walk(root, depth: 0)
        }
        return builder.finish()
    }
}

/// Walks a libxml2 tree and accumulates paragraphs.
struct HTMLTextBuilder {
    var units: [UInt16] = []
    /// The units of the text node being read.
    var scratch: [UInt16] = []
    var blocks: [HTMLBlock] = []
    var metadata = DocumentMetadata()
    /// Pending inline text of the current paragraph, whitespace collapsed.
    var paragraph: [UInt16] = []
    var paragraphLinkChars = 0
    var pendingSpace = false
    var path: [String] = []
    var currentTag = "body"
    var linkDepth = 0
    var ancestors: [Int32] = []
    var nextNode: Int32 = 0
    /// Open and closed inline spans of the pending paragraph, offsets into `paragraph`.
    var pendingSpans: [(label: String, start: Int, end: Int)] = []
    /// Texts of `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// Paragraphs flushed so far: an inline span only closes in the paragraph it opened in.
    var flushes = 0
    /// Elements nested deeper keep their text (`appendFlattened`) but add no paragraphs or paths:
    /// zoning reads every block's whole path, so blocks × depth must stay small. Real pages nest
    /// 10–60 deep; unclosed tags nest as deep as the page is long.
    static let maxDepth = 128

    mutating func walk(_ node: xmlNodePtr, depth: Int) {
        var child: xmlNodePtr? = node.pointee.children
        let name = Self.name(node)
        let isBlock = HTMLText.blockTags.contains(name)
        if isBlock { flush() }
        let label = Self.label(node, name: name)
        path.append(label)
        nextNode += 1
        ancestors.append(nextNode)
        var spanIndex = -1
        let openedIn = flushes
        if !isBlock, label.count > name.count, name != "body", name != "html" {
            spanIndex = pendingSpans.count
            pendingSpans.append((label, paragraph.count + (pendingSpace && !paragraph.isEmpty ? 1 : 0), -1))
        }
        let savedTag = currentTag
        if isBlock { currentTag = name }
        if name == "a" { linkDepth += 1 }
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { appendText(content) }
            case XML_ELEMENT_NODE:
                let childName = Self.name(c)
                if childName == "br" {
                    appendLineBreak()
                } else if childName == "script" {
                    if let type = Self.attribute(c, "type"), type.lowercased().contains("ld+json"), let t = Self.textContent(c) { jsonLD.append(t) }
                } else if !HTMLText.skippedTags.contains(childName) {
                    if depth < Self.maxDepth { walk(c, depth: depth + 1) } else { appendFlattened(c) }
                }
            default:
                break
            }
            child = c.pointee.next
        }
        if name == "a" { linkDepth -= 1 }
        if spanIndex >= 0, openedIn == flushes, spanIndex < pendingSpans.count { pendingSpans[spanIndex].end = paragraph.count }
        if isBlock { flush() }
        currentTag = savedTag
        path.removeLast()
        ancestors.removeLast()
    }

    /// The text of an element nested deeper than `maxDepth` (a hostile or broken page), without
    /// recursion: its elements add no paths or paragraphs, block elements and `<br>` break lines.
    mutating func appendFlattened(_ top: xmlNodePtr) {
        var node = top
        while true {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendText(content) }
            case XML_ELEMENT_NODE:
                let name = Self.name(node)
                if name == "br" || HTMLText.blockTags.contains(name) { appendLineBreak() }
                descend = !HTMLText.skippedTags.contains(name) && node.pointee.children != nil
            default:
                break
            }
            if descend, let child = node.pointee.children { node = child; continue }
            // Next sibling, or the next sibling of the nearest ancestor below `top` that has one.
            while node != top, node.pointee.next == nil, let parent = node.pointee.parent { node = parent }
            if node == top { return }
            guard let next = node.pointee.next else { return }
            node = next
        }
    }

    mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        // libxml2 hands out UTF-8: decoded here unit by unit; anything malformed goes through
        // `String`, which repairs it as before.
        scratch.removeAll(keepingCapacity: true)
        guard Self.decodeUTF8(content, into: &scratch) else {
            for u in String(cString: content).utf16 { appendUnit(u) }
            return
        }
        for u in scratch { appendUnit(u) }
    }

    @inline(__always) mutating func appendUnit(_ u: UInt16) {
        if u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0x0C || u == 0xA0 {
            pendingSpace = true
            return
        }
        if pendingSpace && !paragraph.isEmpty && paragraph.last != 0x0A { paragraph.append(0x20) }
        pendingSpace = false
        paragraph.append(u)
        if linkDepth > 0 { paragraphLinkChars += 1 }
    }

    /// The UTF-16 units of a NUL-terminated UTF-8 string; false (and `units` unusable) if it is
    /// not well-formed UTF-8.
    static func decodeUTF8(_ p: UnsafePointer<UInt8>, into units: inout [UInt16]) -> Bool {
        var i = 0
        while true {
            let b = UInt32(p[i])
            if b == 0 { return true }
            if b < 0x80 {
                units.append(UInt16(b))
                i += 1
                continue
            }
            let need: Int, lowest: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; lowest = 0x80
            case 0xE0...0xEF: need = 2; lowest = 0x800
            case 0xF0...0xF4: need = 3; lowest = 0x10000
            default: return false
            }
            var v = b & (0x3F >> UInt32(need))
            for k in 1...need {
                let c = UInt32(p[i + k])
                guard c & 0xC0 == 0x80 else { return false }  // also stops at the NUL
                v = v << 6 | (c & 0x3F)
            }
            guard v >= lowest, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return false }
            if v >= 0x10000 {
                let w = v - 0x10000
                units.append(UInt16(0xD800 + (w >> 10)))
                units.append(UInt16(0xDC00 + (w & 0x3FF)))
            } else {
                units.append(UInt16(v))
            }
            i += need + 1
        }
    }

    mutating func appendLineBreak() {
        if !paragraph.isEmpty && paragraph.last != 0x0A { paragraph.append(0x0A) }
        pendingSpace = false
    }

    mutating func flush() {
        while let last = paragraph.last, last == 0x0A || last == 0x20 { paragraph.removeLast() }
        pendingSpace = false
        flushes += 1
        guard !paragraph.isEmpty else { paragraphLinkChars = 0; pendingSpans.removeAll(); return }
        if !units.isEmpty { units.append(0x0A); units.append(0x0A) }
        let start = units.count
        units.append(contentsOf: paragraph)
        var spans: [HTMLInlineSpan] = []
        for s in pendingSpans {
            let e = min(s.end < 0 ? paragraph.count : s.end, paragraph.count)
            if s.start < e { spans.append(HTMLInlineSpan(label: s.label, start: start + s.start, end: start + e)) }
        }
        pendingSpans.removeAll()
        blocks.append(HTMLBlock(start: start, end: units.count, tag: currentTag, path: path, linkCharacters: paragraphLinkChars,
                                ancestors: ancestors, inlineSpans: spans))
        paragraph.removeAll(keepingCapacity: true)
        paragraphLinkChars = 0
    }

    mutating func finish() -> HTMLPage {
        flush()
        for json in jsonLD { JSONLD.read(json, into: &metadata) }
        return HTMLPage(units: units, metadata: metadata, blocks: blocks)
    }

    /// Reads `<title>` and the `<meta>` tags of `<head>`.
    mutating func readMetadata(_ root: xmlNodePtr) {
        var stack: [(xmlNodePtr, Int)] = [(root, 0)]
        var ogTitle: String?
        while let (node, depth) = stack.popLast() {
            let name = Self.name(node)
            if name == "body" { continue }
            if name == "title", metadata.title == nil, let t = Self.textContent(node) {
                let trimmed = Self.collapse(t)
                if !trimmed.isEmpty { metadata.title = trimmed }
            }
            if name == "script", let type = Self.attribute(node, "type"), type.lowercased().contains("ld+json"), let t = Self.textContent(node) {
                jsonLD.append(t)
            }
            if name == "meta" {
                let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name") ?? "").lowercased()
                if let content = Self.attribute(node, "content").map(Self.collapse), !content.isEmpty {
                    switch key {
                    case "og:title": ogTitle = content
                    case "author", "article:author", "byl": if metadata.author == nil { metadata.author = content }
                    case "article:published_time", "date", "pubdate": if metadata.published == nil { metadata.published = content }
                    case "og:site_name": if metadata.publisher == nil { metadata.publisher = content }
                    case "keywords", "news_keywords":
                        if metadata.tags.isEmpty {
                            metadata.tags = content.split(separator: ",").map { Self.collapse(String($0)) }.filter { !$0.isEmpty }
                        }
                    case "article:section": metadata.categories.append(content)
                    default: break
                    }
                }
            }
            guard depth < 8 else { continue }
            var child = node.pointee.children
            var children: [(xmlNodePtr, Int)] = []
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { children.append((c, depth + 1)) }
                child = c.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        if let og = ogTitle { metadata.title = og }
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// The longest id, class list or role kept in a label, in characters.
    static let maxAttributeLength = 256

    static func label(_ node: xmlNodePtr, name: String) -> String {
        // Attribute values are clipped: zoning matches every label against its hints, and a page
        // can carry a megabyte-long class list.
        var label = name
        if let id = attribute(node, "id").map({ $0.prefix(Self.maxAttributeLength) }), !id.isEmpty { label += "#" + id.lowercased() }
        if let cls = attribute(node, "class").map({ $0.prefix(Self.maxAttributeLength) }), !cls.isEmpty {
            label += "." + cls.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: ".")
        }
        if let rel = attribute(node, "rel"), rel.lowercased() == "author" { label += ".rel-author" }
        if let prop = attribute(node, "itemprop"), !prop.isEmpty, prop.count < 30 { label += ".itemprop-" + prop.lowercased() }
        if let role = attribute(node, "role").map({ $0.prefix(Self.maxAttributeLength) }), !role.isEmpty { label += "[" + role.lowercased() + "]" }
        return label
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { dossier_xmlFree(value) }
        return String(cString: value)
    }

    static func textContent(_ node: xmlNodePtr) -> String? {
        guard let value = xmlNodeGetContent(node) else { return nil }
        defer { dossier_xmlFree(value) }
        return String(cString: value)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
