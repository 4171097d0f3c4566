/// Hands out names that are unique within one scope, in the order they are asked for, so the
/// same spec always gets the same names.
struct UniqueNames {
    private var used: Set<String> = []
    private let reserved: Set<String>
    private let suffixForReserved: String

    /// A wanted name that is reserved gets `suffixForReserved` (or a number when that is empty).
    init(reserved: Set<String>, suffixForReserved: String) {
        self.reserved = reserved
        self.suffixForReserved = suffixForReserved
    }

    /// The name itself when free, else the name with the smallest number from 2 that is free.
    mutating func claim(_ wanted: String) -> String {
        var base = wanted
        if reserved.contains(base) && !suffixForReserved.isEmpty {
            base += suffixForReserved
        }
        var candidate = base
        var number = 2
        while reserved.contains(candidate) || used.contains(candidate) {
            candidate = base + String(number)
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
