namespace ContractKit.Reading;
