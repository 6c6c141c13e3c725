namespace Quality.Web.Localization;

/// <summary>The UI's strings: <c>UiText.resx</c> (English) and <c>UiText.zh.resx</c>, read through <c>IStringLocalizer&lt;UiText&gt;</c>.</summary>
public sealed class UiText;
