using ContractKit.Diff;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>Bounds compared as intervals, union variants and discriminators: each rule both ways, with a clean twin.</summary>
public sealed class BoundsAndUnionRuleTests
{
    private const string Exclusive30 = "{type: integer, minimum: 10, exclusiveMinimum: true}";
    private const string Inclusive = "{type: integer, minimum: 10}";

    [Fact]
    public void RequestBound_ExclusiveFlagDropped_LoosensAndIsSilent_TheReverseTightens()
    {
        None(Changes(Api(request: Exclusive30), Api(request: Inclusive)));
        var f = Single(Changes(Api(request: Inclusive), Api(request: Exclusive30)), DiffRules.RequestConstraintTightened);
        Assert.Contains("value range [10, ∞) → (10, ∞)", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseBound_BecomingExclusive_IsSilent_LosingIt_Loosens()
    {
        None(Changes(Api(response: Inclusive), Api(response: Exclusive30)));
        var f = Single(Changes(Api(response: "{type: number, maximum: 1, exclusiveMaximum: true}"), Api(response: "{type: number, maximum: 1}")), DiffRules.ResponseConstraintLoosened);
        Assert.Contains("value range (-∞, 1) → (-∞, 1]", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NumericExclusiveBound31_ComparesLikeThe30BooleanForm()
    {
        None(Changes(Api(version: "3.1.0", request: "{type: number, exclusiveMinimum: 10}"), Api(version: "3.1.0", request: "{type: number, minimum: 10}")));
        Single(Changes(Api(version: "3.1.0", request: "{type: number, minimum: 10}"), Api(version: "3.1.0", request: "{type: number, exclusiveMinimum: 10}")), DiffRules.RequestConstraintTightened);

        // The same interval written the 3.0 way and the 3.1 way is no change; nor is an exclusive bound beside a looser inclusive one.
        None(Changes(Api(request: "{type: number, minimum: 10, exclusiveMinimum: true}"), Api(version: "3.1.0", request: "{type: number, exclusiveMinimum: 10}")));
        None(Changes(Api(version: "3.1.0", request: "{type: number, exclusiveMinimum: 10}"), Api(version: "3.1.0", request: "{type: number, minimum: 5, exclusiveMinimum: 10}")));
    }

    [Fact]
    public void ResponseMinLengthLowered_Loosens_Raised_IsSilent()
    {
        const string five = "{type: object, properties: {s: {type: string, minLength: 5}}}";
        const string three = "{type: object, properties: {s: {type: string, minLength: 3}}}";
        var f = Single(Changes(Api(response: five), Api(response: three)), DiffRules.ResponseConstraintLoosened);
        Assert.Contains("length [5, ∞) → [3, ∞)", f.Message, System.StringComparison.Ordinal);
        None(Changes(Api(response: three), Api(response: five)));
        None(Changes(Api(response: five), Api(response: five)));
    }

    [Fact]
    public void ItemAndPropertyCounts_AreIntervalsToo()
    {
        Single(Changes(Api(request: "{type: array, items: {type: string}, minItems: 1, maxItems: 5}"), Api(request: "{type: array, items: {type: string}, minItems: 2, maxItems: 5}")), DiffRules.RequestConstraintTightened);
        None(Changes(Api(request: "{type: array, items: {type: string}, maxItems: 5}"), Api(request: "{type: array, items: {type: string}, maxItems: 9}")));
    }

    private const string Cat = "Cat: {type: object, required: [kind], properties: {kind: {type: string}, meow: {type: boolean}}}";
    private const string Dog = "Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: boolean}}}";
    private const string Bird = "Bird: {type: object, required: [kind], properties: {kind: {type: string}, tweet: {type: boolean}}}";
    private const string PetRef = "{$ref: '#/components/schemas/Pet'}";

    private static string Pets(string pet, string side) => side == "request"
        ? Api(request: PetRef, schemas: string.Join("\n", pet, Cat, Dog, Bird))
        : Api(response: PetRef, schemas: string.Join("\n", pet, Cat, Dog, Bird));

    private static string OneOf(params string[] names) =>
        "Pet: {oneOf: [" + string.Join(", ", System.Array.ConvertAll(names, n => "{$ref: '#/components/schemas/" + n + "'}")) + "]}";

    [Fact]
    public void ComponentUnion_VariantRemovedFromRequest_IsAnError_AddedToRequest_IsNot()
    {
        var f = Single(Changes(Pets(OneOf("Cat", "Dog", "Bird"), "request"), Pets(OneOf("Cat", "Bird"), "request")), DiffRules.RequestTypeChanged);
        Assert.Contains("(Dog)", f.Message, System.StringComparison.Ordinal);
        None(Changes(Pets(OneOf("Cat", "Bird"), "request"), Pets(OneOf("Cat", "Dog", "Bird"), "request")));
    }

    [Fact]
    public void ComponentUnion_VariantAddedToResponse_IsAnError_RemovedFromResponse_IsNot()
    {
        var f = Single(Changes(Pets(OneOf("Cat", "Dog"), "response"), Pets(OneOf("Cat", "Dog", "Bird"), "response")), DiffRules.ResponseTypeChanged);
        Assert.Contains("(Bird)", f.Message, System.StringComparison.Ordinal);
        None(Changes(Pets(OneOf("Cat", "Dog", "Bird"), "response"), Pets(OneOf("Cat", "Dog"), "response")));
    }

    [Fact]
    public void ComponentUnion_VariantsReordered_IsSilent() =>
        None(Changes(Pets(OneOf("Cat", "Dog", "Bird"), "response"), Pets(OneOf("Bird", "Cat", "Dog"), "response")));

    private static string Tagged(string discriminator) =>
        "Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}], discriminator: " + discriminator + "}";

    private const string Mapped = "{propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}}";

    [Fact]
    public void DiscriminatorPropertyRenamed_IsAnError_BothWays()
    {
        const string renamed = "{propertyName: type, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}}";
        var f = Single(Changes(Pets(Tagged(Mapped), "request"), Pets(Tagged(renamed), "request")), DiffRules.RequestDiscriminatorChanged);
        Assert.Contains("'kind' → 'type'", f.Message, System.StringComparison.Ordinal);
        Single(Changes(Pets(Tagged(Mapped), "response"), Pets(Tagged(renamed), "response")), DiffRules.ResponseDiscriminatorChanged);
    }

    [Fact]
    public void DiscriminatorMapping_ValueDropped_BreaksRequests_ValueAdded_BreaksResponses()
    {
        const string withPuppy = "{propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog', puppy: '#/components/schemas/Dog'}}";
        var dropped = Single(Changes(Pets(Tagged(withPuppy), "request"), Pets(Tagged(Mapped), "request")), DiffRules.RequestDiscriminatorChanged);
        Assert.Contains("puppy", dropped.Message, System.StringComparison.Ordinal);
        None(Changes(Pets(Tagged(Mapped), "request"), Pets(Tagged(withPuppy), "request")));

        Single(Changes(Pets(Tagged(Mapped), "response"), Pets(Tagged(withPuppy), "response")), DiffRules.ResponseDiscriminatorChanged);
        None(Changes(Pets(Tagged(withPuppy), "response"), Pets(Tagged(Mapped), "response")));
    }

    [Fact]
    public void DiscriminatorMapping_ValueNowSelectsAnotherSchema_IsAnError()
    {
        const string swapped = "{propertyName: kind, mapping: {cat: '#/components/schemas/Dog', dog: '#/components/schemas/Cat'}}";
        var findings = Changes(Pets(Tagged(Mapped), "request"), Pets(Tagged(swapped), "request"));
        Assert.Contains(findings, f => f.RuleId == DiffRules.RequestDiscriminatorChanged.Id && f.Message.Contains("'cat' now selects Dog instead of Cat", System.StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == DiffRules.RequestDiscriminatorChanged.Id && f.Message.Contains("'dog' now selects Cat instead of Dog", System.StringComparison.Ordinal));
    }

    [Fact]
    public void DiscriminatorMapping_Reordered_IsSilent() =>
        None(Changes(Pets(Tagged(Mapped), "request"), Pets(Tagged("{mapping: {dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat'}, propertyName: kind}"), "request")));
}
