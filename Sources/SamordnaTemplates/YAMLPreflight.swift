import CYaml

/// Looks at a template file's YAML tokens before the YAML library builds anything from them.
///
/// Anchors and aliases (`&namn`, `*namn`) let a few hundred bytes stand for billions of nodes: Yams expands
/// every alias while composing and hashes the result in its duplicate-key check, so a 582-byte file of nested
/// aliases used as mapping keys hung `samordna check`. A template never needs them (each question is
/// written out), so they are refused here, at their line, with libyaml's scanner, which reads tokens one by
/// one in linear time and expands nothing. Nesting deeper than a template ever goes is refused too, so the
/// recursive composer cannot be made to run out of stack. A syntax error stops the scan quietly: the
/// composer reports it afterwards with its own line and column.
enum YAMLPreflight {
    /// Sections → questions → a question's fields → a scale's anchors is six levels; this leaves room.
    static let nestingLimit = 20

    /// - Parameters:
    ///   - document: what the file is, as the messages name it ("en mall", "insatskatalogen").
    ///   - shape: what the file holds, for the nesting message.
    static func problems(
        in text: String, document: String = "en mall", shape: String = "en mall har avsnitt, frågor och deras fält"
    ) -> [TemplateFileProblem] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> [TemplateFileProblem] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var problems: [TemplateFileProblem] = []
            var depth = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return problems }
                defer { yaml_token_delete(&token) }
                let line = Int(token.start_mark.line) + 1
                let column = Int(token.start_mark.column) + 1
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return problems
                case YAML_ANCHOR_TOKEN:
                    problems.append(
                        TemplateFileProblem(
                            line: line, column: column,
                            reason: "ankare (&\(name(token.data.anchor.value))) används inte i \(document); skriv ut varje värde "
                                + "(sätt text som börjar med & inom citattecken)"))
                case YAML_ALIAS_TOKEN:
                    problems.append(
                        TemplateFileProblem(
                            line: line, column: column,
                            reason: "referenser (*\(name(token.data.alias.value))) används inte i \(document); skriv ut varje värde "
                                + "(sätt text som börjar med * inom citattecken)"))
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN, YAML_FLOW_SEQUENCE_START_TOKEN,
                    YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > nestingLimit {
                        problems.append(
                            TemplateFileProblem(
                                line: line, column: column,
                                reason: "för djupt nästlat (mer än \(nestingLimit) nivåer); \(shape)"))
                        return problems
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                default:
                    break
                }
                // Each anchor or alias is named once is enough to fix the file; a flood of them is one problem list.
                if problems.count >= 20 { return problems }
            }
        }
    }

    /// The anchor's name, shortened and with hidden characters spelled out, for the message.
    private static func name(_ value: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let value else { return "" }
        let raw = String(cString: value)
        let short = raw.count > 30 ? String(raw.prefix(30)) + "…" : raw
        return short.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control } ? short : "…"
    }
}
