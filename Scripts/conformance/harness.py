"""The Swift program that round-trips instances through a generated client's types: one per spec,
compiled once, reading every instance from standard input.

Input lines: `<target index>\\t<instance JSON>`. Output lines, in the same order:
`<index>\\tok\\t<case>\\t<JSON encoded back>`, `<index>\\tdecode\\t<error>` or `<index>\\tencode\\t<error>`;
`<case>` is the enum case the value decoded into (a union's branch), empty for other values.
"""
import re
import subprocess

MAIN = """\
import Foundation

/// Decodes `data` as `T` with the client's decoder and encodes it back with its encoder.
func conformanceRoundTrip<T: Codable>(_ type: T.Type, _ data: Data) -> String {
    let value: T
    do {
        value = try {client}.jsonDecoder().decode(T.self, from: data)
    } catch {
        return "decode\\t" + conformanceOneLine(error)
    }
    do {
        let encoded = try {client}.jsonEncoder().encode(value)
        return "ok\\t\\(conformanceCase(of: value))\\t" + String(decoding: encoded, as: UTF8.self)
    } catch {
        return "encode\\t" + conformanceOneLine(error)
    }
}

/// The case an enum value holds (a union's branch), by reflection; empty for other values.
func conformanceCase(of value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
        return mirror.children.first.map { conformanceCase(of: $0.value) } ?? ""
    }
    guard mirror.displayStyle == .enum else { return "" }
    return mirror.children.first?.label ?? String(describing: value)
}

func conformanceOneLine(_ error: any Error) -> String {
    String(describing: error).replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\t", with: " ")
}

func conformanceRun(_ target: Int, _ data: Data) -> String {
    switch target {
{cases}
    default: return "decode\\tno target \\(target)"
    }
}

while let line = readLine(strippingNewline: true) {
    guard let tab = line.firstIndex(of: "\\t"), let target = Int(line[..<tab]) else { continue }
    print("\\(target)\\t" + conformanceRun(target, Data(line[line.index(after: tab)...].utf8)))
}
"""


def write_main(path, client, types):
    """`types`: the Swift type of each target, by index."""
    cases = "\n".join(f"    case {index}: return conformanceRoundTrip(({swift_type}).self, data)"
                      for index, swift_type in enumerate(types))
    path.write_text(MAIN.replace("{client}", client).replace("{cases}", cases))


def compile_program(sources, output, timeout=600):
    """swiftc, unoptimized (the round trip's work is tiny; the compile is what costs)."""
    command = ["swiftc", "-Onone", "-swift-version", "6", "-module-name", "ConformanceRun", "-o", str(output)] + [
        str(s) for s in sources]
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        errors = [line for line in (result.stdout + result.stderr).splitlines() if "error:" in line]
        raise CompileError("\n".join(dict.fromkeys(errors[:20])) or result.stderr[-2000:])


class CompileError(Exception):
    """The generated client and the harness did not compile."""


def run_program(binary, lines, timeout=600):
    """The program's output line for each input line, by target index order of the input."""
    result = subprocess.run([str(binary)], input="".join(lines), capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"the round-trip program exited with {result.returncode}: {result.stderr[-1500:]}")
    return result.stdout.split("\n")  # not splitlines(): U+2028 in a string is no line break


def normalized_error(message):
    """A decoding error without its values, so that failures group by kind."""
    text = re.sub(r'"[^"]*"', '"…"', message)
    text = re.sub(r"\b\d+\b", "N", text)
    text = re.sub(r"codingPath: \[[^\]]*\]", "codingPath: […]", text)
    return text[:160]
