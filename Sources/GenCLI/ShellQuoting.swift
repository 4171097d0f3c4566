import Foundation

/// Writes a word so that a POSIX shell reads it back unchanged, for commands `gen` suggests.
enum ShellQuoting {
    /// `word` as it is when every character is one shells leave alone (letters, digits and
    /// `@%+=:,./_-`); otherwise in single quotes, each `'` written `'\''`. The empty word is `''`.
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
