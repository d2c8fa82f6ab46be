/// A DX support staff member of the institution: Content/staff/<id>.yaml (internal).
public struct StaffMember: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var role: String?
    public var institution: Located<String>?
    /// 0–3 per skill-area id of skills.yaml.
    public var skills: OrderedMap<Located<Int>>?
    public var certifications: [String]?
    public var path: String = ""

    enum CodingKeys: String, CodingKey { case id, name, role, institution, skills, certifications }
}

/// Another support institution of the region: Content/partners/<id>.yaml.
public struct Partner: Decodable, Sendable {
    public var id: Located<String>
    public var name: String
    public var type: Located<String>
    public var region: Located<String>?
    public var strengths: [Located<String>]?
    public var description: String?
    /// `url` as written, with its position, so a link the portal may not carry is reported there.
    public var link: Located<String>?
    public var url: String? { link?.value }
    public var `public`: Bool?
    /// v2: serves every region (default false).
    public var nationwide: Bool?
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, type, region, strengths, description, `public`, nationwide
        case link = "url"
    }

    public var isPublic: Bool { self.public ?? false }
    public var isNationwide: Bool { nationwide ?? false }
}
