import Foundation

/// Everything read from Content/, decoded but not yet cross-checked.
public struct LoadedContent: Sendable {
    public var site: SiteConfig?
    public var guidance: Guidance?
    public var cases: [CaseStudy] = []
    public var pages: [Page] = []
    public var clients: [Client] = []
    public var staff: [StaffMember] = []
    public var partners: [Partner] = []
    /// Content/institution.yaml, when there is one (internal; see `InstitutionRecord`).
    public var institution: InstitutionRecord?
    /// Content/referrals/*.yaml (internal, confidential).
    public var referrals: [Referral] = []
    /// Raw text of every file read, by display path; the leak scan maps hits back through it.
    public var sources: [String: SourceText] = [:]
    /// The content folder as the user named it (`--content`), without a trailing slash:
    /// every diagnostic path starts with it, never with a literal `Content/`.
    public var displayPrefix: String = "Content"

    /// A path inside the content folder as printed: `display("guidance/areas.yaml")`.
    public func display(_ relative: String) -> String { displayPrefix + "/" + relative }
}

/// The load stage: reads Content/ and decodes every file, in parallel, collecting all problems.
public struct ContentLoader {
    public let contentDirectory: URL
    /// How paths are printed: the --content argument as given, then the file inside it.
    public let displayPrefix: String
    /// A rebuild in the same process: stories whose file text is unchanged are not decoded again.
    public var memo: BuildMemo?

    public init(contentDirectory: URL, displayPrefix: String) {
        self.contentDirectory = contentDirectory
        self.displayPrefix = displayPrefix.hasSuffix("/") ? String(displayPrefix.dropLast()) : displayPrefix
    }

    public func display(_ relative: String) -> String { displayPrefix + "/" + relative }

    public func load(log: DiagnosticLog) -> LoadedContent {
        var content = LoadedContent()
        content.displayPrefix = displayPrefix
        guard let folder = ContainedFolder(root: contentDirectory, displayPrefix: displayPrefix) else {
            log.error("content folder not found", at: SourceLocation(path: displayPrefix))
            return content
        }
        // site.yaml is bounded by the default limits (its own `limits:` are not read yet), the rest by its limits.
        let site: SiteConfig? = decodeFile("site.yaml", in: folder, limits: .defaults, log: log, content: &content)
        content.site = site
        let limits = site?.limits ?? .defaults
        content.guidance = loadGuidance(in: folder, limits: limits, log: log, content: &content)

        let caseFiles = files(in: "cases", of: folder, ext: "md", log: log)
        let pageFiles = files(in: "pages", of: folder, ext: "md", log: log)
        let texts = readAll(caseFiles + pageFiles, maxBytes: limits.markdownFileBytes, log: log)
        for text in texts.compactMap({ $0 }) { content.sources[text.path] = text }

        let caseTexts = Array(texts.prefix(caseFiles.count))
        let pageTexts = Array(texts.dropFirst(caseFiles.count))
        let known = memo?.storyLimits == limits ? memo?.stories ?? [:] : [:]
        let decoded = parallelMap(caseTexts) { text -> (CaseStudy?, [Diagnostic]) in
            guard let text else { return (nil, []) }
            if let kept = known[text.path], kept.text == text.text { return kept.result }
            return Self.decodeMarkdown(text, as: CaseFrontMatter.self, limits: limits) { slug, meta, fm in
                CaseStudy(slug: slug, path: text.path, meta: meta, body: fm.body, bodyFirstLine: fm.bodyFirstLine)
            }
        }
        if let memo {
            memo.stories = Dictionary(zip(caseTexts, decoded).compactMap { text, result in text.map { ($0.path, (text: $0.text, result: result)) } },
                                      uniquingKeysWith: { _, last in last })
            memo.storyLimits = limits
        }
        content.cases = decoded.compactMap { result in log.add(contentsOf: result.1); return result.0 }
        content.pages = pageTexts.compactMap { text -> Page? in
            guard let text else { return nil }
            let (page, diagnostics) = Self.decodeMarkdown(text, as: PageFrontMatter.self, limits: limits) { slug, meta, fm in
                Page(slug: slug, path: text.path, meta: meta, body: fm.body, bodyFirstLine: fm.bodyFirstLine)
            }
            log.add(contentsOf: diagnostics)
            return page
        }

        // The publishing gate protects the names in the client records: without them it would
        // pass everything, so the folder must be there (empty for a site without clients).
        content.clients = decodeRecords(folder: "clients", of: folder, required: true, limits: limits, log: log, content: &content) { (c: inout Client, p) in c.path = p }
        content.staff = decodeRecords(folder: "staff", of: folder, limits: limits, log: log, content: &content) { (s: inout StaffMember, p) in s.path = p }
        content.partners = decodeRecords(folder: "partners", of: folder, limits: limits, log: log, content: &content) { (s: inout Partner, p) in s.path = p }
        content.referrals = decodeRecords(folder: "referrals", of: folder, limits: limits, log: log, content: &content) { (r: inout Referral, p) in r.path = p }
        content.institution = decodeOptionalFile("institution.yaml", in: folder, limits: limits, log: log, content: &content)
        content.institution?.path = display("institution.yaml")
        return content
    }

    // MARK: Guidance

    private func loadGuidance(in folder: ContainedFolder, limits: InputLimits, log: DiagnosticLog, content: inout LoadedContent) -> Guidance? {
        let stages: StagesFile? = decodeFile("guidance/stages.yaml", in: folder, limits: limits, log: log, content: &content)
        let areas: AreasFile? = decodeFile("guidance/areas.yaml", in: folder, limits: limits, log: log, content: &content)
        let process: ProcessFile? = decodeFile("guidance/process.yaml", in: folder, limits: limits, log: log, content: &content)
        let indicators: IndicatorsFile? = decodeFile("guidance/indicators.yaml", in: folder, limits: limits, log: log, content: &content)
        let challenges: ChallengesFile? = decodeFile("guidance/challenges.yaml", in: folder, limits: limits, log: log, content: &content)
        let institutions: InstitutionsFile? = decodeFile("guidance/institutions.yaml", in: folder, limits: limits, log: log, content: &content)
        let skills: SkillsFile? = decodeFile("guidance/skills.yaml", in: folder, limits: limits, log: log, content: &content)
        let policyTools: PolicyToolsFile? = decodeFile("guidance/policy-tools.yaml", in: folder, limits: limits, log: log, content: &content)
        let industries: IndustriesFile? = decodeFile("guidance/industries.yaml", in: folder, limits: limits, log: log, content: &content)
        let regions: RegionsFile? = decodeFile("guidance/regions.yaml", in: folder, limits: limits, log: log, content: &content)
        let needLayers: NeedLayersFile? = decodeFile("guidance/need-layers.yaml", in: folder, limits: limits, log: log, content: &content)
        let practices: PracticesFile? = decodeFile("guidance/practices.yaml", in: folder, limits: limits, log: log, content: &content)
        guard let stages, let areas, let process, let indicators, let challenges, let institutions, let skills,
              let policyTools, let industries, let regions, let needLayers, let practices else { return nil }
        return Guidance(stages: stages, areas: areas, process: process, indicators: indicators, challenges: challenges,
                        institutions: institutions, skills: skills, policyTools: policyTools, industries: industries,
                        regions: regions, needLayers: needLayers, practices: practices)
    }

    // MARK: Files

    /// Decodes a YAML file a site may leave out (institution.yaml): nil, silently, when absent.
    private func decodeOptionalFile<T: Decodable>(_ relative: String, in folder: ContainedFolder, limits: InputLimits, log: DiagnosticLog, content: inout LoadedContent) -> T? {
        if case .success(.missing) = folder.inspect(relative) {
            let twin = String(relative.dropLast("yaml".count)) + "yml"
            if case .success(.file) = folder.inspect(twin) {
                log.error("rename \(display(twin)) to \((relative as NSString).lastPathComponent): it is not read under that name", at: SourceLocation(path: display(twin)))
            }
            return nil
        }
        return decodeFile(relative, in: folder, limits: limits, log: log, content: &content)
    }

    /// Decodes one required YAML file.
    private func decodeFile<T: Decodable>(_ relative: String, in folder: ContainedFolder, limits: InputLimits, log: DiagnosticLog, content: inout LoadedContent) -> T? {
        let path = display(relative)
        let url = contentDirectory.appendingPathComponent(relative)
        // Records may be .yml (decodeRecords); a fixed file has one name, and a twin is never silently ignored.
        let twin = String(relative.dropLast("yaml".count)) + "yml"
        let twinExists = (try? folder.inspect(twin).get()).map { $0 != .missing } ?? true
        switch folder.inspect(relative) {
        case .failure(let refusal):
            log.add(refusal.diagnostic)
            return nil
        case .success(.missing):
            let hint = twinExists ? ": rename \(display(twin)) to \((relative as NSString).lastPathComponent)" : ""
            log.error("required file is missing\(hint)", at: SourceLocation(path: path))
            return nil
        case .success(.directory), .success(.other):
            log.error("required file is not a regular file", at: SourceLocation(path: path))
            return nil
        case .success(.file):
            if twinExists {
                log.error("\(display(twin)) and \(path) both exist: keep one, named \((relative as NSString).lastPathComponent)",
                          at: SourceLocation(path: display(twin)))
            }
        }
        guard let text = read(url, path: path, maxBytes: limits.yamlBytes, log: log) else { return nil }
        content.sources[path] = text
        let maxScalarChars = relative.hasPrefix("guidance/") ? limits.guidanceTextChars : nil
        let (value, diagnostics) = YAMLDocument.decode(T.self, yaml: text.text, path: path, maxScalarChars: maxScalarChars)
        log.add(contentsOf: diagnostics)
        return value
    }

    /// Decodes every `<id>.yaml` of a record folder; the `id` inside must equal the file name.
    private func decodeRecords<T: Decodable & Sendable>(folder: String, of contained: ContainedFolder, required: Bool = false, limits: InputLimits,
                                                        log: DiagnosticLog, content: inout LoadedContent,
                                                        setPath: (inout T, String) -> Void) -> [T] {
        let urls = files(in: folder, of: contained, ext: "yaml", required: required, log: log)
        var records: [T] = []
        for url in urls {
            let path = display("\(folder)/\(url.lastPathComponent)")
            guard let text = read(url, path: path, maxBytes: limits.yamlBytes, log: log) else { continue }
            content.sources[path] = text
            let (value, diagnostics) = YAMLDocument.decode(T.self, yaml: text.text, path: path)
            log.add(contentsOf: diagnostics)
            guard var record = value else { continue }
            setPath(&record, path)
            records.append(record)
        }
        return records
    }

    private static func decodeMarkdown<Meta: Decodable, Item>(_ text: SourceText, as: Meta.Type, limits: InputLimits,
                                                                make: (String, Meta, FrontMatter) -> Item) -> (Item?, [Diagnostic]) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let fm): frontMatter = fm
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        if let tooBig = limits.frontMatterProblem(frontMatter, path: text.path) { return (nil, [tooBig]) }
        let (meta, diagnostics) = YAMLDocument.decode(Meta.self, yaml: frontMatter.yaml, path: text.path, firstLine: frontMatter.yamlFirstLine)
        guard let meta else { return (nil, diagnostics) }
        let slug = (text.path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
        return (make(slug, meta, frontMatter), diagnostics)
    }

    /// The files of a folder with an extension, sorted by name so every run sees them in one order.
    /// Other files are reported rather than silently skipped. A folder that is there but cannot
    /// be listed is an error (it would read as "no records"); a missing one is an error only when
    /// `required`.
    private func files(in folder: String, of contained: ContainedFolder, ext: String, required: Bool = false, log: DiagnosticLog) -> [URL] {
        let dir = contentDirectory.appendingPathComponent(folder)
        let shown = SourceLocation(path: display(folder))
        switch contained.inspect(folder) {
        case .failure(let refusal):
            log.add(refusal.diagnostic)
            return []
        case .success(.missing):
            if required {
                log.error("the \(folder) folder is missing: without it no \(folder) could be checked. "
                          + "A site without \(folder) keeps an empty folder: mkdir -p \(display(folder)) && touch \(display(folder))/.gitkeep",
                          at: shown)
            }
            return []
        case .success(.file), .success(.other):
            log.error("\(display(folder)) must be a folder of .\(ext) files, found a file", at: shown)
            return []
        case .success(.directory):
            break
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        } catch {
            log.error("cannot read this folder: \(error.localizedDescription)", at: shown)
            return []
        }
        var result: [URL] = []
        /// Record ids come from file names: `x.yaml` and `x.yml` would be one id, the second silently replacing the first.
        var byStem: [String: String] = [:]
        let visible = names.sorted().filter { !$0.hasPrefix(".") }
        // The link checks (an lstat per path component) on every core: 10,000 stories made
        // 40,000 of them on one thread, a seventh of the load stage's CPU.
        let refusals = parallelMap(visible) { contained.refusal(of: "\(folder)/\($0)") }
        for (name, refusal) in zip(visible, refusals) {
            let stem = (name as NSString).deletingPathExtension
            if (name as NSString).pathExtension == ext || (ext == "yaml" && (name as NSString).pathExtension == "yml") {
                if Slug.isValid(stem) {
                    if let refusal {
                        log.add(refusal.diagnostic)
                    } else if let first = byStem[stem] {
                        log.error("\(display("\(folder)/\(first)")) and \(display("\(folder)/\(name)")) are both '\(stem)': keep one file per id",
                                  at: SourceLocation(path: display("\(folder)/\(name)")))
                    } else {
                        byStem[stem] = name
                        result.append(dir.appendingPathComponent(name))
                    }
                } else {
                    log.error("'\(stem)' is not a valid id: use lowercase a-z, 0-9 and '-' (it becomes a path)",
                              at: SourceLocation(path: display("\(folder)/\(name)")))
                }
            } else {
                log.warning("ignored: not a .\(ext) file", at: SourceLocation(path: display("\(folder)/\(name)")))
            }
        }
        return result
    }

    private func read(_ url: URL, path: String, maxBytes: Int, log: DiagnosticLog) -> SourceText? {
        if let tooBig = InputLimits.fileSizeProblem(url, path: path, maxBytes: maxBytes) {
            log.add(tooBig)
            return nil
        }
        do {
            return try SourceText.read(url, relativePath: path)
        } catch let diagnostic as Diagnostic {
            log.add(diagnostic)
        } catch {
            log.error("cannot read: \(error.localizedDescription)", at: SourceLocation(path: path))
        }
        return nil
    }

    private func readAll(_ urls: [URL], maxBytes: Int, log: DiagnosticLog) -> [SourceText?] {
        let dirPrefix = contentDirectory.path + "/"
        return parallelMap(urls) { url in
            let relative = url.path.hasPrefix(dirPrefix) ? String(url.path.dropFirst(dirPrefix.count)) : url.lastPathComponent
            return read(url, path: display(relative), maxBytes: maxBytes, log: log)
        }
    }
}
