using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdintAudit.TestSupport;

/// <summary>
/// Validates JSON against the subset of JSON Schema (2020-12) our schemas use: type (including unions and null),
/// required, properties, additionalProperties: false, items, enum, const, pattern, minimum, maximum. No validator
/// package is obtainable here; anything else in a schema is an error, so a schema cannot silently go unchecked.
/// </summary>
internal static class JsonSchemaValidator
{
    private static readonly HashSet<string> s_known =
    [
        "$schema", "$id", "title", "description", "type", "required", "properties", "additionalProperties", "items", "enum", "const", "pattern",
        "minimum", "maximum",
    ];

    /// <summary>Returns the problems found (empty when valid), each with its JSON path.</summary>
    public static List<string> Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (JsonProperty keyword in schema.EnumerateObject())
        {
            if (!s_known.Contains(keyword.Name))
            {
                errors.Add($"{path}: schema keyword '{keyword.Name}' is not supported by the test validator");
            }
        }

        if (schema.TryGetProperty("type", out JsonElement type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: {value.ValueKind} is not of type {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("const", out JsonElement constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: {value.GetRawText()} is not {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out JsonElement choices) && !choices.EnumerateArray().Any(c => JsonElement.DeepEquals(c, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {choices.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out JsonElement pattern)
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            double number = value.GetDouble();
            if (schema.TryGetProperty("minimum", out JsonElement min) && number < min.GetDouble())
            {
                errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is below {min.GetRawText()}");
            }

            if (schema.TryGetProperty("maximum", out JsonElement max) && number > max.GetDouble())
            {
                errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is above {max.GetRawText()}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out JsonElement required))
            {
                foreach (JsonElement name in required.EnumerateArray())
                {
                    if (!value.TryGetProperty(name.GetString()!, out _))
                    {
                        errors.Add($"{path}: required property '{name.GetString()}' is missing");
                    }
                }
            }

            bool closed = schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False;
            schema.TryGetProperty("properties", out JsonElement properties);
            foreach (JsonProperty property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out JsonElement sub))
                {
                    Check(sub, property.Value, $"{path}.{property.Name}", errors);
                }
                else if (closed)
                {
                    errors.Add($"{path}: property '{property.Name}' is not in the schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out JsonElement items))
        {
            int i = 0;
            foreach (JsonElement element in value.EnumerateArray())
            {
                Check(items, element, $"{path}[{i++}]", errors);
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => Is(t.GetString()!, value)) : Is(type.GetString()!, value);

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}
