namespace WebhookGen.Generator.Reading.References;

/// <summary>What an object in an OpenAPI document is, by where it stands: what a <c>$ref</c> in it must point to.</summary>
internal enum SpecNodeKind
{
    /// <summary>Somewhere the grammar does not describe (a vendor extension): read as an operation would be.</summary>
    Unknown,

    /// <summary>A value given as data (an example, a default, an enum): a <c>$ref</c> in it is data too.</summary>
    Data,
    Document,
    Components,
    PathItemMap,
    PathItem,
    Operation,
    ParameterList,
    ParameterMap,
    Parameter,
    RequestBodyMap,
    RequestBody,
    ResponseMap,
    Response,
    HeaderMap,
    Header,
    MediaTypeMap,
    MediaType,
    EncodingMap,
    Encoding,
    ExampleMap,
    Example,
    CallbackMap,
    Callback,
    LinkMap,
    Link,
    SecuritySchemeMap,
    SecurityScheme,
    SchemaMap,
    SchemaList,
    Schema,
}
