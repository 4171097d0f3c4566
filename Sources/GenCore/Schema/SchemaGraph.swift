/// The schemas of a document as Swift will see them: every `$ref` resolved, nullability
/// folded into `TypeRef.nullable`, inline schemas hoisted into named types, and every Swift
/// name decided (unique and legal).
public struct SchemaGraph {
    /// Named types in a deterministic order: components first, in document order, then hoisted
    /// types in the order they were met.
    public let types: [NamedType]
    /// The types declared in each type, by name.
    private let nestedByName: [NamedTypeID: [String: NamedTypeID]]
    private let topLevelByName: [String: NamedTypeID]

    public init(types: [NamedType]) {
        self.types = types
        var nested: [NamedTypeID: [String: NamedTypeID]] = [:]
        var topLevel: [String: NamedTypeID] = [:]
        for (id, type) in types.enumerated() {
            if let parent = type.parent {
                nested[parent, default: [:]][type.name.bare] = id
            } else {
                topLevel[type.name.bare] = id
            }
        }
        nestedByName = nested
        topLevelByName = topLevel
    }

    /// The types from the top level down to `id`: `[Booking, Payment, Source]` for `Booking.Payment.Source`.
    public func path(to id: NamedTypeID) -> [NamedTypeID] {
        TypeNesting.chain(of: id, in: types) + [id]
    }

    /// How code declared inside `scope` (`nil`: at the top level, or in the client) writes the
    /// type `id`: the shortest tail of its path that Swift's name lookup, going outwards from
    /// `scope`, resolves to it (`Source` inside `Booking.Payment`, `Booking.Payment.Source` elsewhere).
    public func spelling(of id: NamedTypeID, inside scope: NamedTypeID?) -> [SwiftName] {
        let target = path(to: id)
        let scopes = scope.map { path(to: $0).reversed() } ?? []
        for start in target.indices.reversed() {
            let first = types[target[start]].name.bare
            let found = scopes.lazy.compactMap { self.nestedByName[$0]?[first] }.first ?? topLevelByName[first]
            if found == target[start] {
                return target[start...].map { types[$0].name }
            }
        }
        return target.map { types[$0].name }
    }
}

/// A reference to a named type: its index in `SchemaGraph.types`.
public typealias NamedTypeID = Int

/// What a schema is in Swift terms, without the Swift spelling (that is the context's job).
public indirect enum TypeRef: Hashable, Sendable {
    case string
    case integer
    case int32
    case int64
    case double
    case float
    case boolean
    case uuid
    case dateTime
    /// `format: byte` or `binary`: base64 in JSON, raw bytes in a binary body.
    case data
    /// Anything JSON: free-form objects, `{}` schemas, and shapes we do not model.
    case json
    case array(TypeRef)
    /// An object whose only properties are `additionalProperties`.
    case dictionary(TypeRef)
    case named(NamedTypeID)
    /// A type of the user's, named in the config's `typeOverrides`.
    case external(String)
    /// A value that may be JSON `null`.
    case nullable(TypeRef)

    /// The same type, without an outer `nullable`.
    public var nonNull: TypeRef {
        if case .nullable(let wrapped) = self { return wrapped }
        return self
    }

    public var isNullable: Bool {
        if case .nullable = self { return true }
        return false
    }

    /// Wraps in `nullable` unless already so.
    public func makingNullable() -> TypeRef {
        isNullable ? self : .nullable(self)
    }
}

public struct NamedType {
    public enum Kind {
        case object(ObjectShape)
        case stringEnum([EnumCase])
        /// Integer constants (`enum: [1, 2]`, or `oneOf` branches that are each a `const`):
        /// `rawValue` holds each case's number as written in decimal.
        case integerEnum([EnumCase])
        case union(UnionShape)
    }

    /// The name in its scope: the module's top level, or the type it is nested in.
    public var name: SwiftName
    /// For a type hoisted from an inline schema, what it is called inside the type that uses
    /// it (`Source` for `Booking.Payment.Source`); `nil` for the schemas the spec names itself
    /// (components, `$ref`'d files) and for operations' own, which stay at the top level.
    public var localName: String?
    /// The type this one is declared in (`TypeNesting` decides); `nil` at the top level.
    public var parent: NamedTypeID?
    public var kind: Kind
    /// `title`/`description` text, as written.
    public var documentation: String?
    public var deprecated: Bool
    public var location: SourceLocation
}

public struct ObjectShape {
    public var properties: [Property]
    /// The value type of properties the schema does not name, when it gives
    /// `additionalProperties` a schema; `nil` when they are not kept.
    public var additionalProperties: TypeRef?
    /// The Swift name of the dictionary that keeps them.
    public var additionalPropertiesName: SwiftName?
}

public struct Property {
    /// The key in JSON.
    public var jsonName: String
    public var swiftName: SwiftName
    public var type: TypeRef
    public var required: Bool
    public var documentation: String?
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    /// Set when the property closes a cycle of struct values, so it must be stored boxed.
    public var boxed: Bool
    /// The schema's `default`, when it fits the property's type.
    public var defaultValue: DefaultValue?
    /// The one value the property allows (`const`, or an `enum` of one value), when it is a
    /// string, number or boolean and `null` is not allowed: a constant, always written, checked
    /// when read, and no initializer parameter.
    public var constant: DefaultValue?
    /// Set for optional nullable properties of request-only types: Swift `T??`, where `nil`
    /// leaves the key out and `.some(nil)` sends an explicit `null`.
    public var distinguishesNull = false
    /// A `oneOf`/`anyOf` beside the schema's properties: no key of its own, its value (a
    /// union) reads and writes the same JSON object as the other properties. `jsonName` is empty.
    public var flattened = false
}

/// A `default` from the spec, checked against the property's type.
public enum DefaultValue: Hashable {
    case string(String)
    case integer(Int)
    /// Finite, and within `Float`'s range for `float` properties.
    case number(Double)
    case boolean(Bool)
    /// A case of a string enum, by its Swift name.
    case enumCase(SwiftName)
}

public struct EnumCase {
    public var swiftName: SwiftName
    public var rawValue: String
}

public struct UnionShape {
    public struct Branch {
        public var caseName: SwiftName
        public var type: TypeRef
        /// Tag values that select this branch: its discriminator values, or the constant of its
        /// tag property (empty when it has none).
        public var discriminatorValues: [String]
    }

    /// One try of a branch, for a value that no tag selects.
    public struct Attempt: Hashable {
        /// The branch, an index into `branches`.
        public var branch: Int
        /// Only a value the branch's enum lists counts (its `undocumented` case is tried later).
        public var documentedOnly = false
        /// A regular expression (ICU syntax, checked when generating) a string must match.
        public var pattern: String?
        /// The keys an object may have (`additionalProperties: false`); `nil` when it may have others.
        public var closedKeys: [String]?
    }

    public var branches: [Branch]
    /// The property whose value names the branch: the `discriminator`'s, or a tag property
    /// (one whose `const` differs between the object branches).
    public var discriminatorProperty: String?
    /// The tag's values are integers (written in decimal in `discriminatorValues`); only a tag
    /// the spec does not declare can be one, as a `discriminator` names strings.
    public var tagIsInteger = false
    /// How a value that no tag selects (not an object, or without the tag) is decoded: these
    /// tries in order, each branch accepting only JSON of its kind; exact matches first (a
    /// tag, required properties, an enum's listed values, a `pattern`), catch-alls last.
    public var attempts: [Attempt] = []
    /// The branch (an index into `branches`) that `defaultMapping` names: it decodes a value
    /// no mapping names, or a missing one.
    public var defaultBranch: Int?
    /// Set when the union contains itself by value, so it must be an `indirect enum`.
    public var isIndirect = false
}
