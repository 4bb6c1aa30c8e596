using System.ComponentModel;

namespace ContractKit.Runtime;

/// <summary>
/// A generated DTO's properties by index, for the JSON metadata it writes for itself: a getter and a setter with one
/// case per property. Two switches per type cost the compiler far less than a getter and a setter lambda per property
/// (each of which becomes a method, a cached delegate field and the code that creates it). The casts through
/// <see cref="object"/> are the identity at run time: the JIT compiles each value-type instantiation separately and
/// drops the box, so no value is boxed. Public for generated code only.
/// </summary>
/// <typeparam name="TSelf">The DTO.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonObject<TSelf>
    where TSelf : class, IJsonObject<TSelf>
{
    /// <summary>The value of the property at <paramref name="index"/>, whose C# type is <typeparamref name="TValue"/>.</summary>
    static abstract TValue GetJsonProperty<TValue>(TSelf owner, int index);

    /// <summary>Sets the property at <paramref name="index"/>, whose C# type is <typeparamref name="TValue"/>.</summary>
    static abstract void SetJsonProperty<TValue>(TSelf owner, int index, TValue value);
}
