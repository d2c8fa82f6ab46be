/// A free page: Content/pages/<slug>.md, published at /<slug>/.
public struct Page: Sendable {
    public var slug: String
    public var path: String
    public var meta: PageFrontMatter
    public var body: String
    public var bodyFirstLine: Int
}

public struct PageFrontMatter: Decodable, Sendable {
    public var title: Located<String>
    public var description: String?
    public var date: Day?
    public var draft: Bool?
    /// Pages with `menu` appear in the navigation, in this order.
    public var menu: Int?
}
