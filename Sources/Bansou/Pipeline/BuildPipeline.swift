import Foundation

/// load → validate → anonymize → markdown → render → reports → scan → write, each a named, timed stage.
/// Everything before `write` works in memory, so a failure anywhere leaves Output/ untouched.
public struct BuildPipeline {
    public let options: BuildOptions
    /// The last successful build's work, for a rebuild in the same process (nil: do everything).
    public let memo: BuildMemo?

    public init(options: BuildOptions, memo: BuildMemo? = nil) {
        self.options = options
        self.memo = memo
    }

    public func run() -> BuildResult {
        let log = DiagnosticLog()
        var result = run(log: log)
        result.diagnostics = log.all
        return result
    }

    private func run(log: DiagnosticLog) -> BuildResult {
        var result = BuildResult()
        var pendingScans: [String: PublishingGate.Scanned] = [:]
        func stage<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now()
            let value = body()
            result.timings.append((name, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9))
            return value
        }

        // load
        let (content, templates) = stage("load") { () -> (LoadedContent, TemplateSet?) in
            var loader = ContentLoader(contentDirectory: options.url(options.contentPath), displayPrefix: options.contentPath)
            loader.memo = memo
            let content = loader.load(log: log)
            let templates = TemplateSet.load(directory: options.url(options.templatesPath), displayPrefix: options.templatesPath, log: log)
            return (content, templates)
        }

        // validate
        let validated = stage("validate") { () -> Library? in
            var content = content
            if let baseURL = options.baseURL, content.site != nil {
                content.site!.baseURL = Located(baseURL, at: SourceLocation(path: "--base-url"))
            }
            let library = Validator(options: .init(includeDrafts: options.includeDrafts, asOf: options.asOf), log: log).validate(content)
            if let templates { _ = templates.checkPresent(SiteRenderer.requiredTemplates.union(ReportRenderer.requiredTemplates), displayPrefix: options.templatesPath, log: log) }
            return library
        }
        guard var library = validated, let templates, !log.hasErrors else { return result }
        result.unpublished = library.unpublished

        // anonymize: opt-in per story (anonymize: auto), before any text is rendered
        stage("anonymize") {
            let (stories, replacements) = Anonymizer(clients: library.clients).apply(to: library.published)
            library.published = stories
            result.anonymized = replacements.count
            result.notes += replacements.map {
                "\($0.location): anonymized \($0.category.label) (\($0.masked)) → \($0.replacement)"
            }
            let quasi = QuasiIdentifiers(guidance: library.guidance)
            for story in library.published {
                if let id = story.meta.client?.value, let client = library.client(id) { quasi.check(story, client: client, log: log) }
            }
        }

        // markdown: one thread, since Debian's cmark-gfm is not thread-safe
        let html = stage("markdown") { () -> [String: String] in
            let unsafeHTML = library.site.unsafeHTML ?? false
            // A memo keeps each file's body and HTML for one unsafe_html setting: a body equal to
            // the kept one (compared, not hashed) is not rendered again.
            let known = memo?.markdownUnsafeHTML == unsafeHTML ? memo?.markdown ?? [:] : [:]
            let items = library.published.map({ ($0.path, $0.body) }) + library.pages.map({ ($0.path, $0.body) })
            var html: [String: String] = [:]
            var missing: [(String, String)] = []
            for item in items {
                if let kept = known[item.0], kept.body == item.1 { html[item.0] = kept.html } else { missing.append(item) }
            }
            // A cold build reads .bansou-cache/ and renders the rest in worker processes (Markdown/MarkdownStage);
            // the few bodies a rebuild changed are rendered here, leaving the disk cache as the cold build left it.
            if missing.count == items.count {
                let stage = MarkdownStage(unsafeHTML: unsafeHTML, cacheFolder: MarkdownStage.cacheFolder(forContent: options.url(options.contentPath)))
                for (item, rendered) in zip(missing, stage.render(missing.map(\.1))) { html[item.0] = rendered }
            } else {
                let renderer = MarkdownRenderer(unsafeHTML: unsafeHTML)
                for item in missing { html[item.0] = renderer.render(item.1) }
            }
            if let memo {
                memo.markdown = Dictionary(items.map { ($0.0, (body: $0.1, html: html[$0.0]!)) }, uniquingKeysWith: { _, last in last })
                memo.markdownUnsafeHTML = unsafeHTML
            }
            return html
        }

        // render: templates on every core; with a memo, only the pages whose inputs changed
        let keys = memo.map { memo in stage("keys") { RenderKeys(library: library, templates: templates, options: options, known: &memo.storyHashes) } }
        let rendered = stage("render") { SiteRenderer(library: library, templates: templates, html: html).render(log: log, memo: memo, keys: keys) }
        let files = rendered.files
        result.reusedPages = rendered.reused.count
        result.renderedPages = rendered.renderedCount
        // links: every internal link and image of a body reaches a file or anchor just rendered
        stage("links") { InternalLinks(library: library, allPages: content.pages, html: html, files: files).check(log: log) }
        // reports: confidential, under Output/reports only (never scanned as public output)
        // Reports read global inputs and front matter only: a memo keeps them while those stay.
        let reusesReports = keys != nil && options.onlyClient == nil && memo?.listingsKey == keys?.listingsKey && memo?.reports != nil
        let reports = stage("reports") {
            reusesReports ? memo!.reports! : ReportRenderer(library: library, templates: templates, onlyClient: options.onlyClient).render(log: log)
        }
        result.counts = [
            ("事例", library.published.count),
            ("ページ", files.filter { $0.path.hasSuffix(".html") }.count),
            ("レポート", library.clients.count),
        ]

        // scan: the publishing gate over everything public, before anything is written
        result.leakReport = stage("scan") {
            let gate = PublishingGate(library: library, templates: templates)
            // Each company's report: no other client's name (spec v2, "Two audiences"); reused
            // reports passed this check in the memo's build, with the same inputs.
            if !reusesReports { gate.checkReports(reports, outputPrefix: options.outputPath, log: log) }
            // A file the last build scanned, unchanged, with the same clients and settings, keeps its result.
            let reusable = memo != nil && memo?.scanGlobal == keys?.global ? memo!.scans : [:]
            let unchanged = memo?.unchanged(files, reused: rendered.reused) ?? []
            let (report, scans) = gate.check(files, outputPrefix: options.outputPath, log: log) { file in
                unchanged.contains(file.path) ? reusable[file.path] : nil
            }
            pendingScans = scans
            return report
        }
        guard !log.hasErrors else { return result }

        // search: Pagefind's bundle (site/pagefind/) from the scanned public HTML, on request
        // (bansou's own index, which works from disk, is always rendered; see docs/design.md)
        let search: [OutputFile] = options.write && options.pagefind
            ? stage("pagefind") { PagefindIndexer.index(files, outputPrefix: options.outputPath, log: log) ?? [] } : []

        // write: everything into a staging folder under the output lock, PDFs printed there too,
        // then swapped in whole; any failure before the swap leaves Output/ as it was.
        guard options.write else { return result }
        let writer = OutputWriter(outputDirectory: options.url(options.outputPath), displayPath: options.outputPath)
        let all = files + search + reports
        let staging: OutputStaging? = stage("write") {
            do {
                try writer.checkPaths(all)
                let staging = try writer.begin(waiting: options.waitingForOutput)
                do {
                    // Files the memo's build wrote with these bytes are links already: not read again.
                    let reused = reusesReports ? rendered.reused.union(reports.map(\.path)) : rendered.reused
                    try staging.place(all, knownUnchanged: memo?.unchanged(all, reused: reused) ?? [])
                } catch {
                    staging.discard()
                    logWarnings(of: staging, log: log)
                    throw error
                }
                return staging
            } catch {
                log.error("\(error)", at: SourceLocation(path: options.outputPath))
                return nil
            }
        }
        guard let staging else { return result }

        if options.pdf {
            stage("pdf") { printReports(of: library, into: staging, result: &result, log: log) }
        }
        if options.onlyClient != nil {
            // `bansou report <id>` is about one client: every report.pdf it did not print stays as it was.
            for id in library.clients.map(\.id.value) where !(options.pdf && id == options.onlyClient) {
                staging.carryOver(ReportRenderer.pdfPath(id))
            }
            staging.carryOver(ReportRenderer.institutionPDFPath)
        }
        guard !log.hasErrors else {
            staging.discard()
            logWarnings(of: staging, log: log)
            return result
        }

        stage("swap") {
            do {
                result.write = try staging.commit()
                result.outputChanged = true
            } catch {
                log.error("\(error)", at: SourceLocation(path: options.outputPath))
                result.outputChanged = (error as? WriteError)?.outputChanged ?? false
            }
            // Also after a failed swap: commit() discards, and links it could not put back are said.
            logWarnings(of: staging, log: log)
        }
        if let memo, let keys, result.outputChanged, !log.hasErrors {
            memo.pages = rendered.pages
            memo.listingsKey = keys.listingsKey
            memo.related = rendered.related
            memo.cards = rendered.cards
            memo.storyIndex = rendered.storyIndex
            memo.searchPages = rendered.searchPages
            memo.pageOrder = rendered.pageOrder
            memo.reports = options.onlyClient == nil ? reports : nil
            memo.scanGlobal = keys.global
            memo.scans = pendingScans
            memo.output = Dictionary(all.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        }
        return result
    }

    /// Staging entries that could not be updated or swept (the next build retries them).
    private func logWarnings(of staging: OutputStaging, log: DiagnosticLog) {
        for warning in staging.warnings { log.warning(warning, at: SourceLocation(path: options.outputPath)) }
    }

    /// Prints each report in the staging tree to its report.pdf, before the swap, so a browser
    /// failure leaves the live output whole.
    private func printReports(of library: Library, into staging: OutputStaging, result: inout BuildResult, log: DiagnosticLog) {
        guard let printer = PDFPrinter.locate() else {
            log.error(PDFPrinter.missingBrowserMessage.replacingOccurrences(of: "error: ", with: ""), at: SourceLocation(path: options.outputPath))
            return
        }
        let ids = library.clients.map(\.id.value).filter { options.onlyClient == nil || $0 == options.onlyClient }.sorted()
        // Each company's report, and with every report the institution's own (not for `report <id>`).
        var documents = ids.map { (html: ReportRenderer.reportPath($0), pdf: ReportRenderer.pdfPath($0)) }
        if options.onlyClient == nil { documents.append((html: ReportRenderer.institutionPath, pdf: ReportRenderer.institutionPDFPath)) }
        let jobs = documents.map { document in
            PDFPrinter.Job(html: staging.url.appendingPathComponent(document.html),
                           pdf: staging.url.appendingPathComponent(document.pdf),
                           displayPath: options.outputPath + "/" + document.pdf)
        }
        let failures = printer.print(jobs, date: library.asOf, progress: options.pdfProgress)
        for failure in failures {
            log.error(failure.message, at: SourceLocation(path: failure.job.displayPath))
        }
        let failed = Set(failures.map(\.job.displayPath))
        for (document, job) in zip(documents, jobs) where !failed.contains(job.displayPath) {
            staging.adopt(document.pdf)
        }
        result.counts.append(("PDF", jobs.count))
    }
}
