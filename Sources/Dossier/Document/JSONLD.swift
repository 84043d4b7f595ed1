import Foundation

/// Reads schema.org article metadata from a page's JSON-LD (`<script type="application/ld+json">`):
/// headline, author, datePublished and publisher of a `NewsArticle` (or `Article`, `BlogPosting`,
/// `ReportageNewsArticle`…), also inside `@graph` arrays.
enum JSONLD {
    static let articleTypes: Set<String> = ["newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                                            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                                            "scholarlyarticle", "report", "socialmediaposting", "webpage"]

    /// Fills the fields of `metadata` that JSON-LD names; the headline replaces a `<title>`.
    static func read(_ text: String, into metadata: inout DocumentMetadata) {
        guard let data = text.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        var articles: [[String: Any]] = []
        collect(json, into: &articles, depth: 0)
        // Prefer a news article over a generic web page.
        guard let article = articles.first(where: { typeNames($0).contains { $0 != "webpage" } }) ?? articles.first else { return }
        if let headline = string(article["headline"]) ?? string(article["name"]), !headline.isEmpty { metadata.title = headline }
        if metadata.author == nil, let author = names(article["author"]).first { metadata.author = author }
        if metadata.published == nil, let date = string(article["datePublished"]) { metadata.published = date }
        if metadata.publisher == nil, let publisher = names(article["publisher"]).first { metadata.publisher = publisher }
        if metadata.tags.isEmpty, let keywords = article["keywords"] {
            if let list = keywords as? [Any] {
                metadata.tags = list.compactMap(string).filter { !$0.isEmpty }
            } else if let s = string(keywords) {
                metadata.tags = s.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            }
        }
        if metadata.categories.isEmpty, let section = string(article["articleSection"]) { metadata.categories = [section] }
    }

    static func collect(_ json: Any, into out: inout [[String: Any]], depth: Int) {
        guard depth < 6 else { return }
        if let list = json as? [Any] {
            for item in list { collect(item, into: &out, depth: depth + 1) }
        } else if let object = json as? [String: Any] {
            if typeNames(object).contains(where: articleTypes.contains) { out.append(object) }
            if let graph = object["@graph"] { collect(graph, into: &out, depth: depth + 1) }
        }
    }

    static func typeNames(_ object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t.lowercased()] }
        if let ts = object["@type"] as? [Any] { return ts.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let collapsed = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// Names of a Person/Organization value: a string, an object with `name`, or a list of either.
    static func names(_ value: Any?) -> [String] {
        if let s = string(value) { return [s] }
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        return []
    }
}
