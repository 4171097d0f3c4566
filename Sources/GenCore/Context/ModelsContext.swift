/// The context of `Models.swift.mustache`. Every key is documented in Templates/CONTEXT.md.
public struct ModelsContext: Encodable, Sendable {
    /// Comment lines that open every generated file.
    public var headerLines: [SwiftCode]
    /// `public`, `package` or `internal`.
    public var access: SwiftCode
    public var types: [TypeContext] {
        didSet { hasTypes = !types.isEmpty }
    }
    /// `types` is not empty: a models file left empty opens no `extension NAME {`.
    public private(set) var hasTypes: Bool
    /// The file's import declarations, one a line (`public import Foundation`): see `FileImports`.
    public var importLines: [SwiftCode] = []
    /// Whether the file's declarations are wrapped in `extension NAME { … }` (`--namespace`).
    public var hasNamespace = false
    /// The namespace's name; empty without one.
    public var namespace: SwiftCode = ""
    /// `NAME.`, to qualify the types that extensions at file scope extend; empty without.
    public var namespacePrefix: SwiftCode = ""

    init(headerLines: [SwiftCode], access: SwiftCode, types: [TypeContext]) {
        self.headerLines = headerLines
        self.access = access
        self.types = types
        hasTypes = !types.isEmpty
    }

    /// Every type of the file, nested ones included.
    var allTypes: [TypeContext] {
        var all: [TypeContext] = []
        var pending = types
        while let type = pending.popLast() {
            all.append(type)
            pending += type.nestedTypes
        }
        return all
    }
}

/// One named type: a struct, a string enum, or a union (an enum with associated values).
public struct TypeContext: Encodable, Sendable {
    public var name: SwiftCode
    public var docLines: [SwiftCode]
    /// Lines such as `@available(*, deprecated)` to put before the declaration.
    public var attributes: [SwiftCode]
    public var isStruct: Bool
    public var isEnum: Bool
    public var isUnion: Bool
    /// For unions that contain themselves by value: declare `indirect enum`.
    public var isIndirect: Bool
    // Struct
    public var properties: [PropertyContext]
    public var hasProperties: Bool
    /// The memberwise initializer's parameters, each ending in a comma but the last.
    public var initParameters: [SwiftCode]
    /// The same parameters on one line, separated by `, `.
    public var initParameterList: SwiftCode
    /// Whether the initializer's parameters go on lines of their own (on one line with the
    /// declaration, they would pass 120 columns).
    public var wrapsInitParameters: Bool
    /// The parameters for a wrapped initializer, several to a line within 120 columns, each line
    /// ending in a comma but the last.
    public var initParameterLines: [SwiftCode]
    /// The `CodingKeys` cases, several to a line: `case id, callerID = "caller_id"`.
    public var codingKeyLines: [SwiftCode]
    /// Whether `CodingKeys` is written out: unless every property's JSON key is its Swift name
    /// and `encode(to:)` is synthesized (then the compiler synthesizes the same enum, faster).
    public var hasCodingKeys: Bool
    /// Whether `encode(to:)` is written out: for properties written as explicit `null`, UUIDs
    /// (lowercase on the wire), `T??` properties and `additionalProperties`; otherwise the
    /// synthesized one writes the same JSON.
    public var hasCustomEncoder: Bool
    /// Whether `init(from:)` is written out: for every struct with properties, as a call of the
    /// memberwise initializer, which type-checks in a fraction of the synthesized one's time.
    public var hasCustomDecoder: Bool
    /// Statements of `init(from:)`, after that call, that reject a constant property's other
    /// values: `try container.expect(self.type, .type)` (`expectIfPresent` when it may be absent).
    public var constantChecks: [SwiftCode] = []
    /// Whether the struct stores a value (not when every property is a constant): its
    /// initializer then takes parameters, and `init(from:)` passes it arguments.
    public var hasStoredProperties = false
    /// Whether that call's arguments read the decoder (`try`): not when it passes only `additional`.
    public var decodeArgumentsThrow = false
    /// The arguments of that call on one line: `id: container.read(.id), name: container.read(.name)`.
    public var decodeArgumentList: SwiftCode
    /// Whether the call puts its arguments on lines of their own (on one line, it would pass 120 columns).
    public var wrapsDecodeArguments: Bool
    /// The arguments for a wrapped call, several to a line within 120 columns, each line ending
    /// in a comma but the last.
    public var decodeArgumentLines: [SwiftCode]
    /// Whether the struct keeps properties its schema does not name (`additionalProperties`).
    public var hasAdditionalProperties: Bool
    /// The name of the dictionary that keeps them, and its value type.
    public var additionalPropertiesName: SwiftCode
    public var additionalPropertiesValueType: SwiftCode
    // Enum
    /// The raw type of an enum: `String`, or `Int` for integer enums.
    public var rawType: SwiftCode
    public var cases: [EnumCaseContext]
    /// The cases' declarations, several to a line within 120 columns: `case low, medium, high`.
    public var caseLines: [SwiftCode] = []
    /// The declaration of the `documented` table that `init(rawValue:)` searches, wrapped at
    /// 120 columns; continuation lines are indented relative to the first.
    public var documentedLines: [SwiftCode]
    // Union
    public var branches: [BranchContext]
    /// The tag's property name as a string literal (the discriminator's, or a property whose
    /// `const` differs between the object branches); empty when there is none.
    public var discriminatorLiteral: SwiftCode
    /// The union decodes by its tag (`discriminatorLiteral`) first.
    public var hasDiscriminator: Bool
    /// The Swift type the tag is read as: `String`, or `Int` for a tag of integer constants.
    public var tagType: SwiftCode = "String"
    /// How a value that no tag selects is decoded (every value, without a tag): these tries in
    /// order, the first that decodes and meets its condition wins, else `undocumented`.
    public var attempts: [AttemptContext] = []
    public var hasAttempts = false
    /// The discriminated union has a `defaultMapping` branch: a value no mapping names (or
    /// none) decodes as `defaultCaseName`(`defaultType`).
    public var hasDefaultBranch = false
    public var defaultCaseName: SwiftCode = ""
    public var defaultType: SwiftCode = ""
    // Any kind
    /// The types declared inside this one (inline schemas only it uses), in the same form.
    public var nestedTypes: [TypeContext] = []
    /// Where the type's schema is in the spec, as a JSON pointer (`#/components/schemas/Station`,
    /// or an inline schema's place). Dump only, and filled only there: finding it reads the spec
    /// again.
    public var schemaPointer: String = ""
    /// Whether the declaration names a Foundation type (`Date`, `UUID`, `Data`, or an override
    /// such as `Decimal`), nested types not counted: the file then imports Foundation at the
    /// access level.
    public var mentionsFoundation = false
}

public struct PropertyContext: Encodable, Sendable {
    /// The Swift name, backticked when it is a keyword.
    public var name: SwiftCode
    public var type: SwiftCode
    public var docLines: [SwiftCode]
    public var attributes: [SwiftCode]
    /// What follows `case` in `CodingKeys`: `callerID = "caller_id"` or just `id`.
    public var codingKeyCase: SwiftCode
    /// The statement in `encode(to:)` that writes this property.
    public var encodeLine: SwiftCode
    /// A statement that reads this property in `init(from:)`.
    public var decodeLine: SwiftCode
    /// The argument of the memberwise initializer that `init(from:)` calls: `callerID: container.readIfPresent(.callerID)`.
    public var decodeArgument: SwiftCode
    /// The property holds the schema's `oneOf`/`anyOf` alternatives: it has no key, and its value
    /// reads and writes the same JSON object as the other properties.
    public var isFlattened: Bool
    /// The property's key in the JSON object, as the spec writes it; empty for a flattened
    /// property. Dump only: templates get `jsonNameLiteral`.
    public var jsonName: String = ""
    /// The same key as a Swift string literal (`""` for a flattened property).
    public var jsonNameLiteral: SwiftCode = .literal("")
    /// The schema lists the property in `required`.
    public var isRequired = false
    /// The property's schema allows `null`.
    public var isNullable = false
    /// The property is a constant (`const`, or an `enum` of one value): declared as a computed
    /// property returning `constantValue`, always written, checked when read, no initializer
    /// parameter; `decodeLine` is its check.
    public var isConstant = false
    /// The constant as a Swift expression: `"delayed"`, `3`, `true`, `.high`.
    public var constantValue: SwiftCode = ""
}

public struct EnumCaseContext: Encodable, Sendable {
    public var name: SwiftCode
    /// The raw value as a Swift string literal, quotes included.
    public var literal: SwiftCode
    /// The raw value as the spec writes it. Dump only: templates get `literal`.
    public var rawValue: String = ""
}

public struct BranchContext: Encodable, Sendable {
    public var caseName: SwiftCode
    public var type: SwiftCode
    /// The tag values that select this branch, as `case` patterns: `"cat", "Cat"` (`2` for an integer tag).
    public var discriminatorPatterns: SwiftCode
    public var hasDiscriminatorValues: Bool
    /// What `encode(to:)` writes for the branch's `value`.
    public var encodeExpression: SwiftCode
    /// The first branch.
    public var isFirst: Bool
}

/// One try of a union's decoder: `if let value = try? container.read(TYPE.self), CONDITION`.
public struct AttemptContext: Encodable, Sendable {
    /// The case the value becomes.
    public var caseName: SwiftCode
    /// The branch's type, decoded from the value.
    public var type: SwiftCode
    /// What the decoded `value` must also satisfy: an enum's listed value
    /// (`value != .undocumented(value.rawValue)`), a `pattern` (`WireFormat.matches(value, "^a")`),
    /// only the keys of an object with `additionalProperties: false`
    /// (`WireFormat.hasOnlyKeys(decoder, ["radius"])`); empty for none.
    public var condition: SwiftCode
    public var hasCondition: Bool
    /// The first try: it opens the `if` chain.
    public var isFirst: Bool
}
