namespace ContractKit.Runtime.Validation.Instance;

internal enum TapeStatus
{
    Ok,
    InvalidJson,
    TooDeep,
}
