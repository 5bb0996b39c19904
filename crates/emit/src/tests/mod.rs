mod builders;
