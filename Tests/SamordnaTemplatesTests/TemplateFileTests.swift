import Foundation
import SamordnaCore
import Testing

@testable import SamordnaTemplates

@Suite struct TemplateFileTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("samordna-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    @Test func theDefaultIsWrittenPrivateOnFirstUseAndNeverOverwritten() throws {
        let url = TemplateFile.url(in: dir)
        #expect(try TemplateFile.writeDefaultIfMissing(at: url))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try TemplateFile.read(url).template == DefaultTemplate.template())

        try Data("version: 2\n# egen\n".utf8).write(to: url)
        #expect(try TemplateFile.writeDefaultIfMissing(at: url) == false)
        #expect(try String(contentsOf: url, encoding: .utf8) == "version: 2\n# egen\n")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aFileThatIsNotUTF8IsRefusedAtTheFirstBadByte() throws {
        var bytes = Array("version: 1\ntitel: Pr".utf8)
        bytes.append(0xF6)  // ö in Latin-1
        bytes += Array("v\n".utf8)
        do {
            _ = try TemplateFile.parse(Data(bytes), file: "k.yaml")
            Issue.record("borde ha fallerat")
        } catch {
            #expect(error.description == "k.yaml:2:10: filen är inte UTF-8 (spara den som UTF-8)")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array(DefaultTemplate.yaml.utf8))
        #expect(try TemplateFile.parse(data, file: "k.yaml").template.version == 1)
    }

    @Test func aMissingFileIsUnreadableWithItsPath() {
        let url = dir.appendingPathComponent("saknas.yaml")
        #expect(throws: TemplateFileError.unreadable(file: url.path, reason: "filen finns inte")) {
            try TemplateFile.read(url)
        }
        #expect(throws: TemplateFileError.self) { try TemplateFile.read(dir) }
    }

    @Test func theSummaryNamesTheFirstProblemAndCountsTheRest() {
        let error = TemplateFileError.invalid(
            file: "k.yaml",
            problems: [
                TemplateFileProblem(line: 2, column: 3, reason: "a"), TemplateFileProblem(line: 5, column: 1, reason: "b"),
            ])
        #expect(error.summary == "k.yaml:2:3: a (och 1 fel till)")
        #expect(error.description == "k.yaml:2:3: a\nk.yaml:5:1: b")
    }
}
