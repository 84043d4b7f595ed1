import CLibXML2

/// The text of an HTML page as Dossier indexes it: block elements become paragraphs separated by a
/// blank line, `<br>` a line break, scripts and styles are dropped, entities decoded (libxml2's
/// HTML parser does the parsing and recovers from broken markup).
public struct HTMLPage: Sendable {
    /// The extracted text.
    public var text: String
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
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
                }
            }
        }
        guard let doc = parsed else { return HTMLPage(text: "", metadata: DocumentMetadata(), blocks: []) }
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
    var blocks: [HTMLBlock] = []
    var metadata = DocumentMetadata()
    /// Pending inline text of the current paragraph, whitespace collapsed.
    var paragraph: [UInt16] = []
    var paragraphLinkChars = 0
    var pendingSpace = false
    var path: [String] = []
    var currentTag = "body"
    var linkDepth = 0
    static let maxDepth = 400

    mutating func walk(_ node: xmlNodePtr, depth: Int) {
        var child: xmlNodePtr? = node.pointee.children
        let name = Self.name(node)
        let isBlock = HTMLText.blockTags.contains(name)
        if isBlock { flush() }
        path.append(Self.label(node, name: name))
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
                } else if !HTMLText.skippedTags.contains(childName) && depth < Self.maxDepth {
                    walk(c, depth: depth + 1)
                }
            default:
                break
            }
            child = c.pointee.next
        }
        if name == "a" { linkDepth -= 1 }
        if isBlock { flush() }
        currentTag = savedTag
        path.removeLast()
    }

    mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        let s = String(cString: content)
        for u in s.utf16 {
            if u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0x0C || u == 0xA0 {
                pendingSpace = true
                continue
            }
            if pendingSpace && !paragraph.isEmpty && paragraph.last != 0x0A { paragraph.append(0x20) }
            pendingSpace = false
            paragraph.append(u)
            if linkDepth > 0 { paragraphLinkChars += 1 }
        }
    }

    mutating func appendLineBreak() {
        if !paragraph.isEmpty && paragraph.last != 0x0A { paragraph.append(0x0A) }
        pendingSpace = false
    }

    mutating func flush() {
        while let last = paragraph.last, last == 0x0A || last == 0x20 { paragraph.removeLast() }
        pendingSpace = false
        guard !paragraph.isEmpty else { paragraphLinkChars = 0; return }
        if !units.isEmpty { units.append(0x0A); units.append(0x0A) }
        let start = units.count
        units.append(contentsOf: paragraph)
        blocks.append(HTMLBlock(start: start, end: units.count, tag: currentTag, path: path, linkCharacters: paragraphLinkChars))
        paragraph.removeAll(keepingCapacity: true)
        paragraphLinkChars = 0
    }

    mutating func finish() -> HTMLPage {
        flush()
        return HTMLPage(text: String(decoding: units, as: UTF16.self), metadata: metadata, blocks: blocks)
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
        if metadata.title == nil { metadata.title = ogTitle }
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func label(_ node: xmlNodePtr, name: String) -> String {
        var label = name
        if let id = attribute(node, "id"), !id.isEmpty { label += "#" + id.lowercased() }
        if let cls = attribute(node, "class"), !cls.isEmpty {
            label += "." + cls.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: ".")
        }
        if let role = attribute(node, "role"), !role.isEmpty { label += "[" + role.lowercased() + "]" }
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
