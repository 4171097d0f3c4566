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

/// Decodes `data` as `T` with the client's decoder and encodes it back with its encoder, as
/// `wire` writes it (a body of UUIDs is written lowercase, as the client sends it).
func conformanceRoundTrip<T: Codable, W: Encodable>(_ type: T.Type, _ data: Data, wire: (T) -> W) -> String {
    let value: T
    do {
        value = try {client}.jsonDecoder().decode(T.self, from: data)
    } catch {
        return "decode\\t" + conformanceOneLine(error)
    }
    do {
        let encoded = try {client}.jsonEncoder().encode(wire(value))
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
    cases = "\n".join(f"    case {index}: return conformanceRoundTrip(({swift_type}).self, data) "
                      f"{{ value in {wire_expression('value', swift_type) or 'value'} }}"
                      for index, swift_type in enumerate(types))
    path.write_text(MAIN.replace("{client}", client).replace("{cases}", cases))


def wire_expression(value, spelling, depth=0):
    """What the client sends for a JSON body spelled `spelling` (SwiftTypeSpelling.wireExpression):
    UUIDs lowercase, through arrays, dictionaries and optionals; `None` when it sends the value
    as it is."""
    if "UUID" not in re.findall(r"\w+", spelling):
        return None
    element = f"v{depth}"
    if spelling == "UUID":
        return f"{value}.uuidString.lowercased()"
    if spelling.startswith("Optional<") and spelling.endswith(">"):
        inner = spelling[len("Optional<"):-1]
    elif spelling.endswith("?"):
        inner = spelling[:-1]
    elif spelling.startswith("[") and spelling.endswith("]"):
        inner = spelling[1:-1]
        colon = _top_level_colon(inner)
        if colon is not None:
            values = inner[colon + 1:].strip()
            return f"{value}.mapValues {{ {element} in {wire_expression(element, values, depth + 1) or element} }}"
    else:
        return None  # a named type writes its own UUIDs
    return f"{value}.map {{ {element} in {wire_expression(element, inner, depth + 1) or element} }}"


def _top_level_colon(text):
    depth = 0
    for index, character in enumerate(text):
        if character in "[<(":
            depth += 1
        elif character in "]>)":
            depth -= 1
        elif character == ":" and depth == 0:
            return index
    return None


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
