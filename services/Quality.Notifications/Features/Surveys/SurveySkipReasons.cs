namespace Quality.Notifications.Features.Surveys;

public static class SurveySkipReasons
{
    public const string NoCustomer = "no_customer";
    public const string NotSampled = "not_sampled";
    public const string Cooldown = "cooldown";
    public const string Reopened = "reopened";
    public const string Erased = "customer_erased";
    public const string NoEmail = "no_email";
    public const string ContactNotFound = "contact_not_found";
    public const string Disabled = "disabled";
}
